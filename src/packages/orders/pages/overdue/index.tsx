import { Text } from '@tarojs/components'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { OrderList } from '../../../../components/orders/order-list'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** 超期督办: escalated orders in my community or street, the latest first in line; tap to send a 督办 reminder. */
export default function OverduePage() {
  const list = usePaged(useCallback((cursor?: string) => call('orders.overdue', { cursor }), []))
  usePullRefresh(list.reload)
  return (
    <PageRoot className="page">
      <Card>
        <Text className="overdue__hint">
          超过时限未接单或未办结的工单会自动上报：网格 → 社区 → 街道。点进工单可发送督办提醒或安排联合办理。
        </Text>
        <OrderList list={list} empty="没有超期督办的工单" showDue />
      </Card>
    </PageRoot>
  )
}
