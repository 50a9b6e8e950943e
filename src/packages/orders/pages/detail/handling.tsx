import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Card } from '../../../../components/card'
import { ErrorText } from '../../../../components/error-text'
import type { OrderDetail } from '../../../../contract'
import { EVENT_LABELS } from '../../../../copy/orders'
import { useAction } from '../../../../hooks/use-action'
import { userMessage } from '../../../../services/call-error'
import { EventForm, type OrderEventInput } from './event-form'

type EventType = OrderDetail['can'][number]

/** Events that need no form: one tap does it. */
const DIRECT: readonly EventType[] = ['accept']
const PRIMARY: readonly EventType[] = ['accept', 'resolve', 'rate']

interface HandlingProps {
  o: OrderDetail
  ownerId: string
  onChanged: (order: OrderDetail) => void
  /** The action failed: the order may have moved on, so load it again. */
  onStale: () => void
  /** Opened from a message asking for it (`?act=rate`): that form is open from the start, when still allowed. */
  focus?: string
}

/** Sends one event; the answer is the order as it is now. A failure is shown and the order reloaded. */
function useOrderAction({ o, onChanged, onStale, focus }: Omit<HandlingProps, 'ownerId'>) {
  const act = useAction('orders.act')
  const [open, setOpen] = useState<EventType | null>(
    () => o.can.find((e) => e === focus && !DIRECT.includes(e)) ?? null,
  )
  const [problem, setProblem] = useState<string | null>(null)
  const run = async (event: OrderEventInput) => {
    setProblem(null)
    try {
      onChanged(await act.run({ orderId: o.id, event }))
      setOpen(null)
      void Taro.showToast({ title: '已完成', icon: 'success' })
    } catch (err) {
      setProblem(userMessage(err))
      onStale()
    }
  }
  return { open, setOpen, problem, run, pending: act.pending }
}

/** The buttons this viewer may press now (the server's `can`), and the form behind the chosen one. */
export function Handling(props: HandlingProps) {
  const { o, ownerId } = props
  const { open, setOpen, problem, run, pending } = useOrderAction(props)
  useEffect(() => {
    if (props.focus && o.can.some((e) => e === props.focus))
      void Taro.pageScrollTo({ selector: '#order-handling', duration: 0 }).catch(() => undefined)
  }, [props.focus, o.can])
  if (!o.can.length) return null
  const press = (e: EventType) => (DIRECT.includes(e) ? void run({ type: 'accept' }) : setOpen(e))
  return (
    <Card title={open === 'rate' ? '请评价办理结果' : '办理'} id="order-handling">
      {open ? (
        <EventForm
          type={open}
          order={o}
          ownerId={ownerId}
          busy={pending}
          onSubmit={(e) => void run(e)}
          onCancel={() => setOpen(null)}
        />
      ) : (
        <View className="order-detail__actions">
          {o.can.map((e) => (
            <Button
              key={e}
              id={`act-${e}`}
              type={PRIMARY.includes(e) ? 'primary' : 'default'}
              loading={pending && DIRECT.includes(e)}
              onClick={() => press(e)}
            >
              {EVENT_LABELS[e]}
            </Button>
          ))}
        </View>
      )}
      <ErrorText of="form" id="order-error" message={problem} />
    </Card>
  )
}
