import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions } from '../../../../contract'
import { LabeledInput } from '../../../../components/grids/labeled-input'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/grids/use-field-errors'

const EMPTY = { name: '', building: '', unit: '', room: '', phone: '' }
const SHOWN = ['name', 'building', 'unit', 'room', 'phone'] as const

/** 登记无手机住户: elderly residents without a phone get a record so the worker can 代办 for them. */
export function OfflineForm({ gridId, onDone }: { gridId: string; onDone: () => void }) {
  const register = useAction('grids.registerOffline')
  const errors = useFieldErrors(SHOWN)
  const [form, setForm] = useState(EMPTY)
  const set = (key: keyof typeof EMPTY) => (value: string) => {
    setForm({ ...form, [key]: value })
    errors.dismiss(key)
  }

  const submit = async () => {
    const payload = {
      gridId,
      name: form.name.trim(),
      building: form.building.trim(),
      unit: form.unit.trim(),
      room: form.room.trim(),
      phone: form.phone.trim() || undefined,
    }
    const parsed = actions['grids.registerOffline'].input.safeParse(payload)
    if (!parsed.success) return errors.fromIssues(parsed.error.issues)
    errors.clear()
    try {
      const member = await register.run(payload)
      setForm(EMPTY)
      void Taro.showToast({ title: `已登记${member.name}`, icon: 'none' })
      onDone()
    } catch (err) {
      errors.fromError(err)
    }
  }

  return (
    <View>
      <Text className="muted members__hint">不会用手机的老人由网格员代为登记，之后可为其“代办”诉求。</Text>
      <LabeledInput
        id="offline-name"
        label="姓名"
        value={form.name}
        maxLength={20}
        placeholder="住户姓名"
        error={errors.field('name')}
        onChange={set('name')}
      />
      <View className="members__address">
        <LabeledInput
          id="offline-building"
          label="楼号"
          value={form.building}
          maxLength={20}
          placeholder="如 3"
          error={errors.field('building')}
          onChange={set('building')}
        />
        <LabeledInput
          id="offline-unit"
          label="单元"
          value={form.unit}
          maxLength={20}
          placeholder="如 1"
          error={errors.field('unit')}
          onChange={set('unit')}
        />
        <LabeledInput
          id="offline-room"
          label="房号"
          value={form.room}
          maxLength={20}
          placeholder="如 102"
          error={errors.field('room')}
          onChange={set('room')}
        />
      </View>
      <LabeledInput
        id="offline-phone"
        label="联系电话（选填，可留子女电话）"
        type="number"
        value={form.phone}
        maxLength={11}
        placeholder="11 位手机号"
        error={errors.field('phone')}
        onChange={set('phone')}
      />
      {errors.message ? <Text className="members__error">{errors.message}</Text> : null}
      <Button
        id="offline-submit"
        type="primary"
        block
        loading={register.pending}
        disabled={register.pending}
        onClick={() => void submit()}
      >
        登记住户
      </Button>
    </View>
  )
}
