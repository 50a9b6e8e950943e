import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import type { OrderDetail } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

interface Target {
  gridId?: string
  departmentId?: string
  departmentIds?: string[]
  intoOrderId?: string
}

interface TargetPickerProps {
  type: OrderDetail['can'][number]
  order: OrderDetail
  departments: { id: string; name: string }[]
  value: Target
  onChange: (next: Target) => void
}

const chip = (on: boolean) => `order-form__chip ${on ? 'order-form__chip--on' : ''}`

/** Where an order goes: a department (转派, 联合办理), a grid (派单), or the order it duplicates (合并). */
export function TargetPicker({ type, order, departments, value, onChange }: TargetPickerProps) {
  const grids = useQuery(
    useCallback(() => (type === 'dispatch' ? call('grids.tree', {}) : Promise.resolve({ streets: [] })), [type]),
  )
  const nearby = useQuery(
    useCallback(
      () =>
        type === 'merge' && order.location
          ? call('orders.suggestDuplicates', { categoryId: order.categoryId, location: order.location })
          : Promise.resolve({ items: [] }),
      [type, order],
    ),
  )
  if (type === 'merge') {
    const others = (nearby.data?.items ?? []).filter((d) => d.id !== order.id)
    if (!others.length)
      return (
        <Text className="muted">
          {nearby.loading ? '正在查找附近的同类工单…' : '附近 100 米内没有可合并的同类工单'}
        </Text>
      )
    return (
      <View className="order-form__chips">
        {others.map((d) => (
          <Text
            key={d.id}
            id={`merge-${d.id}`}
            className={chip(value.intoOrderId === d.id)}
            onClick={() => onChange({ intoOrderId: d.id })}
          >
            {d.no}（{d.distanceMetres} 米）
          </Text>
        ))}
      </View>
    )
  }
  if (type === 'dispatch') {
    const all = (grids.data?.streets ?? []).flatMap((s) =>
      s.communities.flatMap((c) => c.grids.filter((g) => !g.archived)),
    )
    return (
      <View className="order-form__chips">
        {all.map((g) => (
          <Text
            key={g.id}
            id={`target-grid-${g.id}`}
            className={chip(value.gridId === g.id)}
            onClick={() => onChange({ gridId: g.id })}
          >
            {g.name}
          </Text>
        ))}
      </View>
    )
  }
  const multi = type === 'assign_joint'
  const picked = new Set(value.departmentIds ?? [])
  return (
    <View className="order-form__chips">
      {departments.map((d) => {
        const on = multi ? picked.has(d.id) : value.departmentId === d.id
        const toggle = () => {
          if (!multi) return onChange({ departmentId: d.id })
          if (on) picked.delete(d.id)
          else picked.add(d.id)
          onChange({ departmentIds: [...picked] })
        }
        return (
          <Text key={d.id} id={`target-dept-${d.id}`} className={chip(on)} onClick={toggle}>
            {d.name}
          </Text>
        )
      })}
    </View>
  )
}
