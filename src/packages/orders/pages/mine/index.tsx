import { View } from '@tarojs/components'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { OrderList } from '../../../../components/orders/order-list'
import { useOrderPage } from '../../../../hooks/orders/use-order-page'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'

/** What I reported, newest first, with its state; tap for the timeline and to rate. */
export default function MyOrdersPage() {
  const list = useOrderPage(useCallback((cursor?: string) => call('orders.mine', { cursor }), []))
  usePullRefresh(list.reload)
  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
  return (
    <View className="page">
      <Card>
        <OrderList
          items={list.data.items}
          hasMore={list.data.nextCursor !== null}
          loadingMore={list.loadingMore}
          moreError={list.moreError}
          onLoadMore={() => void list.loadMore()}
          empty="还没有上报过问题。在“随手拍”拍一张就能上报。"
        />
      </Card>
    </View>
  )
}
