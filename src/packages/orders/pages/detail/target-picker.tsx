import { Text } from '@tarojs/components'
import { useCallback } from 'react'
import { Chips } from '../../../../components/chips'
import type { OrderDetail } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

export interface Target {
  gridId?: string
  departmentId?: string
  departmentIds?: string[]
  intoOrderId?: string
}

interface TargetPickerProps {
  type: OrderDetail['can'][number]
  order: OrderDetail
  value: Target
  onChange: (next: Target) => void
}

type TargetProps = Omit<TargetPickerProps, 'type'>

/** 合并: the nearby open order of the same category that this one duplicates. */
function MergeTarget({ order, value, onChange }: TargetProps) {
  const nearby = useQuery(
    useCallback(
      () =>
        order.location
          ? call('orders.suggestDuplicates', { categoryId: order.categoryId, location: order.location })
          : Promise.resolve({ items: [] }),
      [order],
    ),
  )
  const others = (nearby.data?.items ?? []).filter((d) => d.id !== order.id)
  if (!others.length)
    return (
      <Text className="muted">{nearby.loading ? '正在查找附近的同类工单…' : '附近 100 米内没有可合并的同类工单'}</Text>
    )
  return (
    <Chips
      idPrefix="merge-"
      items={others.map((d) => ({ id: d.id, label: `${d.no}（${d.distanceMetres} 米）` }))}
      selected={value.intoOrderId ? [value.intoOrderId] : []}
      onToggle={(intoOrderId) => onChange({ intoOrderId })}
    />
  )
}

/** 派单: any open grid of the street. */
function GridTarget({ value, onChange }: TargetProps) {
  const tree = useQuery(useCallback(() => call('grids.tree', {}), []))
  const grids = (tree.data?.streets ?? []).flatMap((s) =>
    s.communities.flatMap((c) => c.grids.filter((g) => !g.archived)),
  )
  return (
    <Chips
      idPrefix="target-grid-"
      items={grids.map((g) => ({ id: g.id, label: g.name }))}
      selected={value.gridId ? [value.gridId] : []}
      onToggle={(gridId) => onChange({ gridId })}
      empty={tree.loading ? '正在加载网格…' : '没有可派单的网格'}
    />
  )
}

/** 转派 (one department) or 联合办理 (several). */
function DepartmentTarget({ multi, value, onChange }: TargetProps & { multi: boolean }) {
  const departments = useQuery(useCallback(() => call('departments.list', {}), []))
  const picked = multi ? (value.departmentIds ?? []) : value.departmentId ? [value.departmentId] : []
  const toggle = (id: string) => {
    if (!multi) return onChange({ departmentId: id })
    onChange({ departmentIds: picked.includes(id) ? picked.filter((d) => d !== id) : [...picked, id] })
  }
  return (
    <Chips
      idPrefix="target-dept-"
      items={(departments.data?.items ?? []).map((d) => ({ id: d.id, label: d.name }))}
      selected={picked}
      onToggle={toggle}
      empty={departments.loading ? '正在加载部门…' : '还没有部门'}
    />
  )
}

/** Where an order goes: a department (转派, 联合办理), a grid (派单), or the order it duplicates (合并). */
export function TargetPicker({ type, ...rest }: TargetPickerProps) {
  if (type === 'merge') return <MergeTarget {...rest} />
  if (type === 'dispatch') return <GridTarget {...rest} />
  if (type === 'transfer' || type === 'assign_joint')
    return <DepartmentTarget multi={type === 'assign_joint'} {...rest} />
  return null
}
