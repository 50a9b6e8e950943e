import { Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '../../../../components/chips'
import { TextField } from '../../../../components/text-field'
import { CREDIT_EVENT_LABELS, EXPIRY_LABELS, EXPIRY_POLICIES, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { fieldMessage, userMessage } from '../../../../services/call-error'

type Rule = ActionOutput<'credit.rules'>['items'][number]

/** One earning rule: points, daily cap, expiry, on/off; saved on its own (street admins). */
export function RuleRow({ rule, onSaved }: { rule: Rule; onSaved: () => void }) {
  const save = useAction('credit.saveRule')
  const [points, setPoints] = useState(String(rule.points))
  const [cap, setCap] = useState(String(rule.dailyCap))
  const [expiry, setExpiry] = useState(rule.expiry)
  const [active, setActive] = useState(rule.active)
  const [error, setError] = useState<{ points?: string | null; cap?: string | null; form?: string | null }>({})
  const submit = async () => {
    setError({})
    try {
      await save.run({ event: rule.event, points: Number(points), dailyCap: Number(cap), expiry, active })
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    } catch (err) {
      setError({ points: fieldMessage(err, 'points'), cap: fieldMessage(err, 'dailyCap'), form: userMessage(err) })
    }
  }
  return (
    <View id={`rule-${rule.event}`} className="credit-admin__rule">
      <View className="credit-admin__rule-head">
        <Text className="credit-admin__rule-name">{CREDIT_EVENT_LABELS[rule.event]}</Text>
        <Switch checked={active} onChange={(ev) => setActive(ev.detail.value)} />
      </View>
      <View className="credit-admin__rule-fields">
        <TextField
          id={`rule-${rule.event}-points`}
          label="积分"
          type="number"
          value={points}
          onChange={setPoints}
          error={error.points}
        />
        <TextField
          id={`rule-${rule.event}-cap`}
          label="每日上限（0 为不限）"
          type="number"
          value={cap}
          onChange={setCap}
          error={error.cap}
        />
      </View>
      <Chips
        idPrefix={`rule-${rule.event}-expiry-`}
        items={EXPIRY_POLICIES.map((p) => ({ id: p, label: EXPIRY_LABELS[p] }))}
        selected={[expiry]}
        onToggle={(id) => setExpiry(id === 'never' ? 'never' : 'end_of_next_year')}
      />
      {error.form && !error.points && !error.cap ? <Text className="credit-admin__error">{error.form}</Text> : null}
      <Button
        id={`rule-${rule.event}-save`}
        size="small"
        type="primary"
        loading={save.pending}
        onClick={() => void submit()}
      >
        保存
      </Button>
    </View>
  )
}
