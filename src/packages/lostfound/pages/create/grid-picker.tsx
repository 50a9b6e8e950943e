import { Text } from '@tarojs/components'
import { useCallback } from 'react'
import { Chips } from '../../../../components/chips'
import { GridChips } from '../../../../components/grids/grid-chips'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

interface GridPickerProps {
  /** The grids the person works as 网格员; empty for a community or street admin. */
  workerGrids: string[]
  value: string | null
  onChange: (gridId: string) => void
}

/** An admin's grids: every open grid of their community or street, from the tree their scope shows. */
function TreeGrids({ value, onChange }: Omit<GridPickerProps, 'workerGrids'>) {
  const tree = useQuery(useCallback(() => call('grids.tree', {}), []))
  const grids = (tree.data?.streets ?? []).flatMap((s) =>
    s.communities.flatMap((c) => c.grids.filter((g) => !g.archived)),
  )
  if (!tree.data) return <Text className="muted">{tree.error ?? '正在加载网格…'}</Text>
  return (
    <Chips
      idPrefix="post-grid-"
      items={grids.map((g) => ({ id: g.id, label: g.name }))}
      selected={value ? [value] : []}
      onToggle={onChange}
      empty="没有可发布的网格"
    />
  )
}

/** The grid staff post for: a grid worker's own grids, or an admin's grids. */
export function GridPicker({ workerGrids, value, onChange }: GridPickerProps) {
  if (workerGrids.length > 0)
    return <GridChips idPrefix="post-grid-" gridIds={workerGrids} value={value} onChange={onChange} />
  return <TreeGrids value={value} onChange={onChange} />
}
