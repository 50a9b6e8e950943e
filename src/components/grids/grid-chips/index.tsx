import { Text } from '@tarojs/components'
import { Chips } from '../../chips'
import { useGrids } from '../../../hooks/grids/use-grids'

interface GridChipsProps {
  gridIds: string[]
  value: string | null
  onChange: (gridId: string) => void
  /** Each chip's id is `${idPrefix}${gridId}`. */
  idPrefix?: string
}

/** The worker's own grids by name. */
export function GridChips({ gridIds, value, onChange, idPrefix = 'create-grid-' }: GridChipsProps) {
  const grids = useGrids(gridIds)
  if (!grids.data) return <Text className="muted">{grids.error ?? '正在加载网格…'}</Text>
  return (
    <Chips
      idPrefix={idPrefix}
      items={grids.data.map((g) => ({ id: g.id, label: g.name }))}
      selected={value ? [value] : []}
      onToggle={onChange}
    />
  )
}
