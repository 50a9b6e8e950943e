import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { OrderList } from '../../../../components/orders/order-list'
import { STATE_LABELS } from '../../../../copy/orders'
import { useCategories } from '../../../../hooks/orders/use-categories'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'

const STATES = ['dispatched', 'accepted', 'in_progress'] as const
type StateFilter = (typeof STATES)[number]
const ALL = 'all'

const STATE_CHIPS = [{ id: ALL, label: '全部待办' }, ...STATES.map((s) => ({ id: s, label: STATE_LABELS[s] }))]

/** Filters of 待办: by state and by category (one of each, or all). */
function Filters(props: {
  state: StateFilter | undefined
  categoryId: string | undefined
  onState: (state: StateFilter | undefined) => void
  onCategory: (id: string | undefined) => void
}) {
  const categories = useCategories()
  const categoryChips = [
    { id: ALL, label: '全部分类' },
    ...(categories.data?.items ?? []).map((c) => ({ id: c.id, label: c.name })),
  ]
  return (
    <Card className="inbox__filters">
      <Chips
        idPrefix="filter-"
        items={STATE_CHIPS}
        selected={[props.state ?? ALL]}
        onToggle={(id) => props.onState(STATES.find((s) => s === id))}
      />
      <Chips
        idPrefix="filter-cat-"
        items={categoryChips}
        selected={[props.categoryId ?? ALL]}
        onToggle={(id) => props.onCategory(id === ALL ? undefined : id)}
      />
    </Card>
  )
}

/** 待办: orders of my grids or my department, most urgent deadline first, 20 a page. */
export default function InboxPage() {
  const [state, setState] = useState<StateFilter | undefined>(undefined)
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined)
  const list = usePaged(
    useCallback((cursor?: string) => call('orders.inbox', { cursor, state, categoryId }), [state, categoryId]),
  )
  usePullRefresh(list.reload)
  return (
    <View className="page">
      <Filters state={state} categoryId={categoryId} onState={setState} onCategory={setCategoryId} />
      <Card>
        <OrderList list={list} empty="暂无待办工单" showDue />
      </Card>
      <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: '/packages/orders/pages/create/index' })}>
        登记巡查 / 代办
      </Button>
    </View>
  )
}
