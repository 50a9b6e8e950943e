import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useForm } from '../../../../hooks/use-form'

const EMPTY = { name: '', building: '', unit: '', room: '', phone: '' }
const SHOWN = ['name', 'building', 'unit', 'room', 'phone'] as const

/** Registering a resident without a phone, checked by grids.registerOffline's schema. */
function useRegisterOffline(gridId: string, onDone: () => void) {
  const register = useAction('grids.registerOffline')
  const form = useForm(EMPTY, SHOWN)
  const submit = async () => {
    const { values } = form
    const input = form.errors.parse(actions['grids.registerOffline'].input, {
      ...values,
      gridId,
      phone: values.phone.trim() || undefined,
    })
    if (!input) return
    try {
      const member = await register.run(input)
      form.reset()
      void Taro.showToast({ title: `已登记${member.name}`, icon: 'none' })
      onDone()
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return { ...form, submit, pending: register.pending }
}

/** 登记无手机住户: elderly residents without a phone get a record so the worker can 代办 for them. */
export function OfflineForm({ gridId, onDone }: { gridId: string; onDone: () => void }) {
  const { field, errors, submit, pending } = useRegisterOffline(gridId, onDone)
  return (
    <View>
      <Text className="muted members__hint">不会用手机的老人由网格员代为登记，之后可为其“代办”诉求。</Text>
      <TextField id="offline-name" label="姓名" maxLength={20} placeholder="住户姓名" {...field('name')} />
      <View className="text-field-row">
        <TextField id="offline-building" label="楼号" maxLength={20} placeholder="如 3" {...field('building')} />
        <TextField id="offline-unit" label="单元" maxLength={20} placeholder="如 1" {...field('unit')} />
        <TextField id="offline-room" label="房号" maxLength={20} placeholder="如 102" {...field('room')} />
      </View>
      <TextField
        id="offline-phone"
        label="联系电话（选填，可留子女电话）"
        type="number"
        maxLength={11}
        placeholder="11 位手机号"
        {...field('phone')}
      />
      <ErrorText of="form" message={errors.message} />
      <Button
        id="offline-submit"
        type="primary"
        block
        loading={pending}
        disabled={pending}
        onClick={() => void submit()}
      >
        登记住户
      </Button>
    </View>
  )
}
