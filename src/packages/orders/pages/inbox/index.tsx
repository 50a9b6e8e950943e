import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { OrderList } from '../../../../components/orders/order-list'
import { SOURCE_LABELS } from '../../../../copy/orders'
import {
  INBOX_QUEUE_LABELS,
  INBOX_QUEUES,
  ORDER_SOURCES,
  type InboxQueue,
  type OrderSource,
} from '../../../../contract'
import { fileUrl } from '../../../../copy/desk'
import { useCategories } from '../../../../hooks/orders/use-categories'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** 待接单, and 办理中 meaning taken (已接单 or 办理中): the same two numbers as the 首页 desk. */
const STATES = ['dispatched', 'working'] as const
type StateFilter = (typeof STATES)[number] | 'submitted'
const ALL = 'all'
const STATE_NAMES: Record<StateFilter, string> = { dispatched: '待接单', working: '办理中', submitted: '待派单' }

const STATE_CHIPS = [{ id: ALL, label: '全部待办' }, ...STATES.map((s) => ({ id: s, label: STATE_NAMES[s] }))]

const SOURCE_CHIPS = [{ id: ALL, label: '全部来源' }, ...ORDER_SOURCES.map((s) => ({ id: s, label: SOURCE_LABELS[s] }))]
const OVERDUE = 'overdue'

interface FilterState {
  state?: StateFilter
  categoryId?: string
  source?: OrderSource
  overdue?: boolean
}

/** The filters a link from the 首页 desk opens with (`?queue=grid&state=working`, `?overdue=1`). */
function presetOf(params: Record<string, string | undefined>): { queue?: InboxQueue; filters: FilterState } {
  const queue = INBOX_QUEUES.find((q) => q === params.queue)
  const state = (['dispatched', 'working', 'submitted'] as const).find((s) => s === params.state)
  return { queue, filters: { state, overdue: params.overdue === '1' ? true : undefined } }
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
          onToggle={(id) =>
            onChange({ ...filters, overdue: id === OVERDUE || undefined, state: STATES.find((s) => s === id) })
          }
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

/** What the list shows now, in words, with the count and a way back to everything. */
function ActiveFilters(props: { filters: FilterState; total: number | null; onClear: () => void }) {
  const { filters, total } = props
  const categories = useCategories()
  const words = [
    filters.state ? STATE_NAMES[filters.state] : null,
    filters.overdue ? '已超期' : null,
    filters.categoryId ? (categories.data?.items.find((c) => c.id === filters.categoryId)?.name ?? null) : null,
    filters.source ? SOURCE_LABELS[filters.source] : null,
  ].filter((w): w is string => !!w)
  if (!words.length) return null
  return (
    <View id="inbox-active" className="inbox__active">
      <Text className="inbox__active-text">{`已筛选：${words.join(' · ')}${total === null ? '' : `，共 ${total} 件`}`}</Text>
      <Text id="inbox-clear" className="inbox__clear" onClick={props.onClear}>
        清除筛选
      </Text>
    </View>
  )
}

/** 待办: one of my queues, most urgent deadline first, 20 a page; every filter is applied by the server. */
export default function InboxPage() {
  const preset = useMemo(() => presetOf(Taro.getCurrentInstance().router?.params ?? {}), [])
  const [queue, setQueue] = useState<InboxQueue | undefined>(preset.queue)
  const [queues, setQueues] = useState<InboxQueue[]>([])
  const [filters, setFilters] = useState<FilterState>(preset.filters)
  const [total, setTotal] = useState<number | null>(null)
  const filtered = Object.values(filters).some((v) => v !== undefined)
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const page = await call('orders.inbox', { cursor, queue, ...filters, withTotal: filtered || undefined })
      setQueues(page.queues)
      if (!cursor) setTotal(page.total)
      return page
    },
    [queue, filters, filtered],
  )
  const list = usePaged(fetchPage)
  usePullRefresh(list.reload)
  const current = queue ?? queues[0]
  return (
    <PageRoot className="page">
      <Card className="inbox__filters">
        <QueueTabs queues={queues} queue={current} onQueue={setQueue} />
        <Filters filters={filters} street={current === 'street'} onChange={setFilters} />
        <ActiveFilters filters={filters} total={list.loading ? null : total} onClear={() => setFilters({})} />
      </Card>
      <Card>
        <OrderList
          list={list}
          empty={
            current === 'transferred' ? '没有转派给部门的工单' : filtered ? '没有符合筛选条件的工单' : '暂无待办工单'
          }
          showDue
        />
      </Card>
      {queues.includes('grid') || queues.includes('department') ? (
        <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: fileUrl('patrol') })}>
          {queues.includes('grid') ? '登记巡查 / 代办' : '登记巡查'}
        </Button>
      ) : null}
    </PageRoot>
  )
}
