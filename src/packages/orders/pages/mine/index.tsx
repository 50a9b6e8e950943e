import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { OrderList } from '../../../../components/orders/order-list'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { PageRoot } from '../../../../components/page-root'

type Whose = 'reported' | 'proxied'
const TABS = [
  { id: 'reported', label: '我上报的' },
  { id: 'proxied', label: '网格员为我代办的' },
]
const EMPTY: Record<Whose, string> = {
  reported: '还没有上报过问题。在“随手拍”拍一张就能上报。',
  proxied: '网格员为您登记的事项会显示在这里。',
}

/** What I reported, or what a grid worker filed for me (代办), newest first; tap for the timeline and to rate. */
export default function MyOrdersPage() {
  const [whose, setWhose] = useState<Whose>('reported')
  const list = usePaged(useCallback((cursor?: string) => call('orders.mine', { whose, cursor }), [whose]))
  usePullRefresh(list.reload)
  return (
    <PageRoot className="page">
      <Card>
        <Chips
          idPrefix="mine-"
          items={TABS}
          selected={[whose]}
          onToggle={(id) => setWhose(id === 'proxied' ? 'proxied' : 'reported')}
        />
        <OrderList list={list} empty={EMPTY[whose]} />
      </Card>
    </PageRoot>
  )
}
