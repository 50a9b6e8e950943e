import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
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
    <View className="order-form__chips">
      {grids.data.map((g) => (
        <Text
          key={g.id}
          id={`create-grid-${g.id}`}
          className={`order-form__chip ${value === g.id ? 'order-form__chip--on' : ''}`}
          onClick={() => onChange(g.id)}
        >
          {g.name}
        </Text>
      ))}
    </View>
  )
}
