import { Text } from '@tarojs/components'
import { useCallback } from 'react'
import { Chips } from '../../../../components/chips'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

interface GridChipsProps {
  gridIds: string[]
  value: string | null
  onChange: (gridId: string) => void
}

/** The worker's own grids by name. */
export function GridChips({ gridIds, value, onChange }: GridChipsProps) {
  const key = gridIds.join(',')
  const grids = useQuery(
    useCallback(
      () =>
        Promise.all(
          key
            .split(',')
            .filter(Boolean)
            .map((gridId) => call('grids.get', { gridId })),
        ),
      [key],
    ),
  )
  if (!grids.data) return <Text className="muted">{grids.error ?? '正在加载网格…'}</Text>
  return (
    <Chips
      idPrefix="create-grid-"
      items={grids.data.map((g) => ({ id: g.id, label: g.name }))}
      selected={value ? [value] : []}
      onToggle={onChange}
    />
  )
}
