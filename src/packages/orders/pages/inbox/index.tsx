import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { OrderList } from '../../../../components/orders/order-list'
import { useOrderPage } from '../../../../hooks/orders/use-order-page'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

type StateFilter = 'dispatched' | 'accepted' | 'in_progress' | 'submitted' | undefined
const FILTERS: { id: string; label: string; state: StateFilter }[] = [
  { id: 'all', label: '全部待办', state: undefined },
  { id: 'dispatched', label: '待接单', state: 'dispatched' },
  { id: 'accepted', label: '已接单', state: 'accepted' },
  { id: 'in_progress', label: '办理中', state: 'in_progress' },
]

/** 待办: orders of my grids or my department, most urgent deadline first, 20 a page. */
export default function InboxPage() {
  const [state, setState] = useState<StateFilter>(undefined)
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined)
  const categories = useQuery(useCallback(() => call('categories.list', {}), []))
  const list = useOrderPage(
    useCallback((cursor?: string) => call('orders.inbox', { cursor, state, categoryId }), [state, categoryId]),
  )
  usePullRefresh(list.reload)
  return (
    <View className="page">
      <View className="order-filters">
        {FILTERS.map((f) => (
          <Text
            key={f.id}
            id={`filter-${f.id}`}
            className={`order-filters__chip ${state === f.state ? 'order-filters__chip--on' : ''}`}
            onClick={() => setState(f.state)}
          >
            {f.label}
          </Text>
        ))}
      </View>
      <View className="order-filters">
        <Text
          className={`order-filters__chip ${categoryId ? '' : 'order-filters__chip--on'}`}
          onClick={() => setCategoryId(undefined)}
        >
          全部分类
        </Text>
        {(categories.data?.items ?? []).map((c) => (
          <Text
            key={c.id}
            className={`order-filters__chip ${categoryId === c.id ? 'order-filters__chip--on' : ''}`}
            onClick={() => setCategoryId(c.id)}
          >
            {c.name}
          </Text>
        ))}
      </View>
      {list.data ? (
        <Card>
          <OrderList
            items={list.data.items}
            hasMore={list.data.nextCursor !== null}
            loadingMore={list.loadingMore}
            moreError={list.moreError}
            onLoadMore={() => void list.loadMore()}
            empty="暂无待办工单"
            showDue
          />
        </Card>
      ) : (
        <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
      )}
      <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: '/packages/orders/pages/create/index' })}>
        登记巡查 / 代办
      </Button>
    </View>
  )
}
