import { Text } from '@tarojs/components'
import { Chips } from '../../../../components/chips'
import type { ActionOutput, INVITABLE_ROLES } from '../../../../contract'

export type InviteRole = (typeof INVITABLE_ROLES)[number]
type Tree = ActionOutput<'grids.tree'>
type Department = ActionOutput<'departments.list'>['items'][number]

export interface Scope {
  gridIds: string[]
  departmentId: string | null
  communityId: string | null
  exchangePointId: string | null
}

interface ScopePickerProps {
  role: InviteRole
  tree: Tree
  departments: Department[]
  exchangePoints: { id: string; name: string }[]
  value: Scope
  onChange: (next: Scope) => void
}

const one = (id: string | null) => (id ? [id] : [])

/** What the invite grants power over: grids (网格员), a department (部门), a community (社区管理员), a 兑换点. */
export function ScopePicker({ role, tree, departments, exchangePoints, value, onChange }: ScopePickerProps) {
  const communities = tree.streets.flatMap((s) => s.communities)
  if (role === 'grid_worker') {
    const grids = communities.flatMap((c) => c.grids.filter((g) => !g.archived))
    const toggle = (id: string) =>
      onChange({
        ...value,
        gridIds: value.gridIds.includes(id) ? value.gridIds.filter((g) => g !== id) : [...value.gridIds, id],
      })
    const items = grids.map((g) => ({ id: g.id, label: g.name }))
    return (
      <Chips
        idPrefix="invite-grid-"
        items={items}
        selected={value.gridIds}
        onToggle={toggle}
        empty="没有可分配的网格"
      />
    )
  }
  if (role === 'department') {
    return (
      <Chips
        idPrefix="invite-dept-"
        items={departments.map((d) => ({ id: d.id, label: d.name }))}
        selected={one(value.departmentId)}
        onToggle={(id) => onChange({ ...value, departmentId: id })}
        empty="还没有部门，请先在“部门入格”中新增"
      />
    )
  }
  if (role === 'community_admin') {
    return (
      <Chips
        idPrefix="invite-community-"
        items={communities.map((c) => ({ id: c.id, label: c.name }))}
        selected={one(value.communityId)}
        onToggle={(id) => onChange({ ...value, communityId: id })}
      />
    )
  }
  if (role === 'counter_staff') {
    return (
      <Chips
        idPrefix="invite-exchange-"
        items={exchangePoints.map((p) => ({ id: p.id, label: p.name }))}
        selected={one(value.exchangePointId)}
        onToggle={(id) => onChange({ ...value, exchangePointId: id })}
        empty="本街道还没有兑换点"
      />
    )
  }
  return <Text className="muted">街道管理员管理整个街道，无需选择范围。</Text>
}
