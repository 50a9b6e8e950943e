import { View } from '@tarojs/components'
import type { OrderSummary } from '../../../contract'
import { JOINT_LABELS, STATE_LABELS, STATE_TONE } from '../../../copy/orders'
import { Tag } from '../../tag'

interface StateTagsProps {
  order: Pick<OrderSummary, 'state' | 'overdue' | 'supervised' | 'joint'>
}

/** An order's state in Chinese, plus 超期 / 督办 / 重复·不满意·疑难 flags when they apply. */
export function StateTags({ order }: StateTagsProps) {
  return (
    <View className="tags">
      <Tag text={STATE_LABELS[order.state]} tone={STATE_TONE[order.state]} />
      {order.overdue ? <Tag text="超期" tone="red" /> : null}
      {order.supervised ? <Tag text="督办" tone="red" /> : null}
      {order.joint ? <Tag text={JOINT_LABELS[order.joint]} tone="orange" /> : null}
    </View>
  )
}
