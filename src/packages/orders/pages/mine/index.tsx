import { View } from '@tarojs/components'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { OrderList } from '../../../../components/orders/order-list'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'

/** What I reported, newest first, with its state; tap for the timeline and to rate. */
export default function MyOrdersPage() {
  const list = usePaged(useCallback((cursor?: string) => call('orders.mine', { cursor }), []))
  usePullRefresh(list.reload)
  return (
    <View className="page">
      <Card>
        <OrderList list={list} empty="还没有上报过问题。在“随手拍”拍一张就能上报。" />
      </Card>
    </View>
  )
}
