import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { Timeline } from '../../../../components/orders/timeline'
import { PageStatus } from '../../../../components/page-status'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { Handling } from './handling'
import { HiddenNumbers } from './hidden-numbers'
import { Summary } from './order-summary'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** 工单详情: the report, the buttons this viewer may press, and every step so far. */
export default function OrderDetailPage() {
  const { id = '', act } = useRouter().params
  const order = useQuery(useCallback(() => call('orders.get', { orderId: id }), [id]))
  const me = useMe()
  if (!order.data || !me.me)
    return (
      <PageStatus
        loading={order.loading || me.loading}
        error={order.error ?? me.error}
        code={order.errorCode}
        onRetry={() => void Promise.all([order.reload(), me.reload()])}
      />
    )
  return (
    <PageRoot className="page order-detail">
      <Summary o={order.data} />
      <HiddenNumbers o={order.data} />
      <Handling
        o={order.data}
        ownerId={me.me.id}
        focus={act}
        onChanged={order.setData}
        onStale={() => void order.reload()}
      />
      <Card title="办理进度">
        <Timeline items={order.data.timeline} />
      </Card>
    </PageRoot>
  )
}
