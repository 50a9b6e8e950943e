import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { OrderList } from '../../../../components/orders/order-list'
import { SOURCE_LABELS, STATE_LABELS } from '../../../../copy/orders'
import { INBOX_QUEUE_LABELS, ORDER_SOURCES, type InboxQueue, type OrderSource } from '../../../../contract'
import { useCategories } from '../../../../hooks/orders/use-categories'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'

const STATES = ['dispatched', 'accepted', 'in_progress'] as const
type StateFilter = (typeof STATES)[number]
const ALL = 'all'

const STATE_CHIPS = [{ id: ALL, label: '全部待办' }, ...STATES.map((s) => ({ id: s, label: STATE_LABELS[s] }))]

const SOURCE_CHIPS = [{ id: ALL, label: '全部来源' }, ...ORDER_SOURCES.map((s) => ({ id: s, label: SOURCE_LABELS[s] }))]
const OVERDUE = 'overdue'

interface FilterState {
  state?: StateFilter
  categoryId?: string
  source?: OrderSource
  overdue?: boolean
}

/** The queues a person works from (网格待办 / 已转派 / 部门待办 / 社区工单 / 街道待派单), when there is more than one. */
function QueueTabs(props: { queues: InboxQueue[]; queue: InboxQueue | undefined; onQueue: (q: InboxQueue) => void }) {
  if (props.queues.length < 2) return null
  const items = props.queues.map((q) => ({ id: q, label: INBOX_QUEUE_LABELS[q] }))
  const current = props.queue ?? props.queues[0]
  return (
    <Chips
      idPrefix="queue-"
      items={items}
      selected={current ? [current] : []}
      onToggle={(id) => {
        const picked = props.queues.find((q) => q === id)
        if (picked) props.onQueue(picked)
      }}
    />
  )
}

/** Filters of 待办: state, category, source and 超期 (one of each, or all); each reloads the list from its first page. */
function Filters(props: { filters: FilterState; street: boolean; onChange: (next: FilterState) => void }) {
  const { filters, onChange } = props
  const categories = useCategories()
  const categoryChips = [
    { id: ALL, label: '全部分类' },
    ...(categories.data?.items ?? []).map((c) => ({ id: c.id, label: c.name })),
  ]
  return (
    <>
      {props.street ? null : (
        <Chips
          idPrefix="filter-"
          items={[...STATE_CHIPS, { id: OVERDUE, label: '已超期' }]}
          selected={[filters.overdue ? OVERDUE : (filters.state ?? ALL)]}
          onToggle={(id) => onChange({ ...filters, overdue: id === OVERDUE, state: STATES.find((s) => s === id) })}
        />
      )}
      <Chips
        idPrefix="filter-cat-"
        items={categoryChips}
        selected={[filters.categoryId ?? ALL]}
        onToggle={(id) => onChange({ ...filters, categoryId: id === ALL ? undefined : id })}
      />
      <Chips
        idPrefix="filter-src-"
        items={SOURCE_CHIPS}
        selected={[filters.source ?? ALL]}
        onToggle={(id) => onChange({ ...filters, source: ORDER_SOURCES.find((s) => s === id) })}
      />
    </>
  )
}

/** 待办: one of my queues, most urgent deadline first, 20 a page; every filter is applied by the server. */
export default function InboxPage() {
  const [queue, setQueue] = useState<InboxQueue | undefined>(undefined)
  const [queues, setQueues] = useState<InboxQueue[]>([])
  const [filters, setFilters] = useState<FilterState>({})
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const page = await call('orders.inbox', { cursor, queue, ...filters })
      setQueues(page.queues)
      return page
    },
    [queue, filters],
  )
  const list = usePaged(fetchPage)
  usePullRefresh(list.reload)
  const current = queue ?? queues[0]
  return (
    <View className="page">
      <Card className="inbox__filters">
        <QueueTabs queues={queues} queue={current} onQueue={setQueue} />
        <Filters filters={filters} street={current === 'street'} onChange={setFilters} />
      </Card>
      <Card>
        <OrderList list={list} empty={current === 'transferred' ? '没有转派给部门的工单' : '暂无待办工单'} showDue />
      </Card>
      {queues.includes('grid') ? (
        <Button
          block
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: '/packages/orders/pages/create/index' })}
        >
          登记巡查 / 代办
        </Button>
      ) : null}
    </View>
  )
}
