import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../../../components/card'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useForm } from '../../../../hooks/use-form'
import { CallError } from '../../../../services/call-error'

/** A new department through departments.create's schema; a taken name is said under the name. */
function useNewDepartment(onCreated: () => void) {
  const create = useAction('departments.create')
  const form = useForm({ name: '', field: '' }, ['name', 'field'])
  const submit = async () => {
    const input = form.errors.parse(actions['departments.create'].input, form.values)
    if (!input) return
    try {
      const created = await create.run(input)
      form.reset()
      void Taro.showToast({ title: `已新增${created.name}`, icon: 'none' })
      onCreated()
    } catch (err) {
      if (err instanceof CallError && err.code === 'CONFLICT') form.errors.reject('name', err.message)
      else form.errors.fromError(err)
    }
  }
  return { ...form, submit, pending: create.pending }
}

/** Street admins only: a new department (e.g. 供水 / 供水报修) that can then enter grids. */
export function NewDepartment({ onCreated }: { onCreated: () => void }) {
  const { field, errors, submit, pending } = useNewDepartment(onCreated)
  return (
    <Card title="新增部门">
      <View className="text-field-row">
        <TextField id="dept-name" label="部门名称" maxLength={20} placeholder="如 供水" {...field('name')} />
        <TextField id="dept-field" label="职责领域" maxLength={20} placeholder="如 供水报修" {...field('field')} />
      </View>
      <ErrorText of="form" message={errors.message} />
      <Button id="dept-create" type="primary" block loading={pending} disabled={pending} onClick={() => void submit()}>
        新增部门
      </Button>
    </Card>
  )
}
