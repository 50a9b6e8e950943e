import { Text, View } from '@tarojs/components'
import type { OrderSummary } from '../../../contract'
import { JOINT_LABELS, STATE_LABELS, STATE_TONE } from '../../../copy/orders'
import './index.css'

interface StateTagsProps {
  order: Pick<OrderSummary, 'state' | 'overdue' | 'supervised' | 'joint'>
}

/** State in Chinese, plus 超期 / 督办 / 重复·不满意·疑难 flags when they apply. */
export function StateTags({ order }: StateTagsProps) {
  return (
    <View className="state-tags">
      <Text className={`state-tag state-tag--${STATE_TONE[order.state]}`}>{STATE_LABELS[order.state]}</Text>
      {order.overdue ? <Text className="state-tag state-tag--red">超期</Text> : null}
      {order.supervised ? <Text className="state-tag state-tag--red">督办</Text> : null}
      {order.joint ? <Text className="state-tag state-tag--orange">{JOINT_LABELS[order.joint]}</Text> : null}
    </View>
  )
}
