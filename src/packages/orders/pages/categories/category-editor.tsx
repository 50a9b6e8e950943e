import { Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useForm } from '../../../../hooks/use-form'
import { typedNumber } from '../../../../utils/number'

export type Category = ActionOutput<'categories.list'>['items'][number]

const SHOWN = ['name', 'acceptHours', 'resolveWorkdays'] as const
const LABELS = { acceptHours: '接单时限', resolveWorkdays: '办结时限' }

const textOf = (c: Category | null) =>
  c
    ? { name: c.name, acceptHours: String(c.acceptHours), resolveWorkdays: String(c.resolveWorkdays) }
    : { name: '', acceptHours: '4', resolveWorkdays: '3' }

/** The category being edited, saved through categories.save once its schema accepts it. */
function useCategoryDraft(category: Category | null, onSaved: () => void) {
  const save = useAction('categories.save')
  const form = useForm(textOf(category), SHOWN, LABELS)
  const [active, setActive] = useState(category?.active ?? true)
  const submit = async () => {
    const { values } = form
    const input = form.errors.parse(actions['categories.save'].input, {
      id: category?.id,
      name: values.name,
      acceptHours: typedNumber(values.acceptHours),
      resolveWorkdays: typedNumber(values.resolveWorkdays),
      active,
    })
    if (!input) return
    try {
      await save.run(input)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return { ...form, active, setActive, submit, pending: save.pending }
}

interface CategoryEditorProps {
  /** The category to change, or null for a new one. */
  category: Category | null
  onDone: (saved: boolean) => void
}

/** 新增 / 修改分类: name and deadlines (hours to accept, working days to resolve). */
export function CategoryEditor({ category, onDone }: CategoryEditorProps) {
  const { field, errors, active, setActive, submit, pending } = useCategoryDraft(category, () => onDone(true))
  return (
    <Card title={category ? '修改分类' : '新增分类'}>
      <TextField id="category-name" label="分类名称" maxLength={20} placeholder="如 环境卫生" {...field('name')} />
      <View className="text-field-row">
        <TextField id="category-accept" label="接单时限（小时）" type="digit" maxLength={5} {...field('acceptHours')} />
        <TextField
          id="category-resolve"
          label="办结时限（工作日）"
          type="number"
          maxLength={2}
          {...field('resolveWorkdays')}
        />
      </View>
      <View className="categories__switch">
        <Text>启用</Text>
        <Switch checked={active} color="#e53029" onChange={(e) => setActive(e.detail.value)} />
      </View>
      <ErrorText of="form" message={errors.message} />
      <View className="categories__actions">
        <Button fill="outline" onClick={() => onDone(false)}>
          取消
        </Button>
        <Button id="category-save" type="primary" loading={pending} onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </Card>
  )
}
