import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions } from '../../../../contract'
import { Card } from '../../../../components/card'
import { LabeledInput } from '../../../../components/grids/labeled-input'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/grids/use-field-errors'
import { CallError } from '../../../../services/call-error'

/** Street admins only: a new department (e.g. 供水 / 供水服务) that can then enter grids. */
export function NewDepartment({ onCreated }: { onCreated: () => void }) {
  const create = useAction('departments.create')
  const errors = useFieldErrors(['name', 'field'])
  const [form, setForm] = useState({ name: '', field: '' })

  const submit = async () => {
    const payload = { name: form.name.trim(), field: form.field.trim() }
    const parsed = actions['departments.create'].input.safeParse(payload)
    if (!parsed.success) return errors.fromIssues(parsed.error.issues)
    errors.clear()
    try {
      const created = await create.run(payload)
      setForm({ name: '', field: '' })
      void Taro.showToast({ title: `已新增${created.name}`, icon: 'none' })
      onCreated()
    } catch (err) {
      if (err instanceof CallError && err.code === 'CONFLICT')
        return errors.fromIssues([{ path: ['name'], message: err.message }])
      errors.fromError(err)
    }
  }

  return (
    <Card title="新增部门">
      <View className="dept__new">
        <LabeledInput
          id="dept-name"
          label="部门名称"
          value={form.name}
          maxLength={20}
          placeholder="如 供水"
          error={errors.field('name')}
          onChange={(name) => setForm({ ...form, name })}
        />
        <LabeledInput
          id="dept-field"
          label="职责领域"
          value={form.field}
          maxLength={20}
          placeholder="如 供水报修"
          error={errors.field('field')}
          onChange={(field) => setForm({ ...form, field })}
        />
      </View>
      {errors.message ? <Text className="dept__error">{errors.message}</Text> : null}
      <Button
        id="dept-create"
        type="primary"
        block
        loading={create.pending}
        disabled={create.pending}
        onClick={() => void submit()}
      >
        新增部门
      </Button>
    </Card>
  )
}
