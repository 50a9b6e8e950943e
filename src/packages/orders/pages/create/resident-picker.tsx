import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ActionOutput } from '../../../../contract'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'

type Member = ActionOutput<'grids.members'>['items'][number]

interface ResidentPickerProps {
  gridId: string
  value: string | null
  onChange: (membershipId: string) => void
}

/** 代办: find the offline resident in the grid's records (the look-up is audit-logged). */
export function ResidentPicker({ gridId, value, onChange }: ResidentPickerProps) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Member[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const search = async () => {
    setProblem(null)
    try {
      setFound((await call('grids.members', { gridId, q: q.trim() || undefined })).items)
    } catch (err) {
      setProblem(userMessage(err))
    }
  }
  return (
    <View className="order-create__picker">
      <View className="order-create__row">
        <Input
          id="proxy-search"
          className="order-create__input"
          placeholder="住户姓名或楼号"
          value={q}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button size="small" type="primary" onClick={() => void search()}>
          查找
        </Button>
      </View>
      {problem ? <Text className="order-create__error">{problem}</Text> : null}
      {found && found.length === 0 ? <Text className="muted">没有找到，请先在住户名册中登记无手机住户</Text> : null}
      <View className="order-form__chips">
        {(found ?? []).map((m) => (
          <Text
            key={m.id}
            id={`proxy-${m.id}`}
            className={`order-form__chip ${value === m.id ? 'order-form__chip--on' : ''}`}
            onClick={() => onChange(m.id)}
          >
            {m.name} · {m.building}号楼{m.unit}单元{m.room}
            {m.offline ? '（无手机）' : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}
