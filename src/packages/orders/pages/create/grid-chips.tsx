import { Text } from '@tarojs/components'
import { Chips } from '../../../../components/chips'
import { useGrids } from '../../../../hooks/grids/use-grids'

interface GridChipsProps {
  gridIds: string[]
  value: string | null
  onChange: (gridId: string) => void
}

/** The worker's own grids by name. */
export function GridChips({ gridIds, value, onChange }: GridChipsProps) {
  const grids = useGrids(gridIds)
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
