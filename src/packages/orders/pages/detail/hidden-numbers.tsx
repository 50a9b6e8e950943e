import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../../../components/card'
import type { HiddenNumber, OrderDetail } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { userMessage } from '../../../../services/call-error'

const FIELD_LABELS: Record<HiddenNumber['field'], string> = {
  text: '描述',
  address: '地址',
  ratingComment: '评价',
  rejectReason: '退回理由',
  timeline: '办理记录',
}

/** A phone is offered for calling; an ID or card number only for copying. */
const isPhone = (value: string) => /^1[3-9]\d{9}$/.test(value)

/** Numbers masked in this order that staff may reveal one at a time; each reveal goes into the audit log. */
export function HiddenNumbers({ o }: { o: OrderDetail }) {
  const reveal = useAction('orders.reveal')
  if (o.hiddenNumbers.length === 0) return null

  const show = async (h: HiddenNumber) => {
    const sure = await Taro.showModal({ title: '查看完整号码', content: `查看 ${h.masked} 会记入操作日志。继续吗？` })
    if (!sure.confirm) return
    try {
      const { value } = await reveal.run({ orderId: o.id, field: h.field, entryId: h.entryId, index: h.index })
      const call = isPhone(value)
      const next = await Taro.showModal({
        title: '完整号码',
        content: value,
        confirmText: call ? '拨打' : '复制',
        cancelText: '关闭',
      })
      if (!next.confirm) return
      if (call) await Taro.makePhoneCall({ phoneNumber: value })
      else await Taro.setClipboardData({ data: value })
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }

  return (
    <Card title="号码（已隐藏）">
      {o.hiddenNumbers.map((h) => (
        <View key={`${h.field}-${h.entryId ?? ''}-${h.index}`} className="hidden-number">
          <Text className="hidden-number__text">{`${FIELD_LABELS[h.field]}：${h.masked}`}</Text>
          <Button
            id={`reveal-${h.field}-${h.index}`}
            size="small"
            fill="outline"
            disabled={reveal.pending}
            onClick={() => void show(h)}
          >
            查看
          </Button>
        </View>
      ))}
      <Text className="muted">
        居民填写的电话、身份证号、银行卡号对所有人隐藏；确需联系时逐个查看，每次查看都会留痕。
      </Text>
    </Card>
  )
}
