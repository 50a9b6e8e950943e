import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { TextField } from '../../../../components/text-field'
import { VOUCHER_STATE_LABELS, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { fieldMessage, userMessage } from '../../../../services/call-error'
import { timeText } from '../../../../copy/credit'
import { PageRoot } from '../../../../components/page-root'

type Voucher = ActionOutput<'market.useVoucher'>

/** 兑换核销 (counter staff): type or scan the code a resident shows; marked used once, then hand the item over. */
export default function CounterPage() {
  const use = useAction('market.useVoucher')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<Voucher | null>(null)

  const submit = async (value = code) => {
    setError(null)
    setDone(null)
    try {
      setDone(await use.run({ code: value.trim().toUpperCase() }))
      setCode('')
    } catch (err) {
      setError(fieldMessage(err, 'code') ?? userMessage(err))
    }
  }
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true })
      setCode(res.result)
      await submit(res.result)
    } catch {
      // Cancelled, or no camera (the browser): type the code instead.
    }
  }
  return (
    <PageRoot className="page">
      <Card title="核销兑换券">
        <TextField
          id="counter-code"
          label="兑换码"
          value={code}
          onChange={setCode}
          placeholder="10 位字母或数字"
          maxLength={12}
          error={error}
          onConfirm={() => void submit()}
        />
        <Button id="counter-submit" type="primary" block loading={use.pending} onClick={() => void submit()}>
          核销
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button block fill="outline" onClick={() => void scan()}>
            扫码核销
          </Button>
        ) : null}
      </Card>
      {done ? (
        <Card title="核销成功">
          <Text id="counter-result" className="para">
            {`${done.itemName} · ${VOUCHER_STATE_LABELS[done.state]}`}
          </Text>
          <Text className="muted">{`持券人：${done.holderName} · ${done.price} 分 · ${done.usedAt ? timeText(done.usedAt) : ''}`}</Text>
          <Text className="muted">请把物品交给持券人。同一张兑换券再次核销会被拒绝。</Text>
        </Card>
      ) : null}
    </PageRoot>
  )
}
