import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions, type ActionOutput } from '../../../../contract'
import { Card } from '../../../../components/card'
import { ChipGroup } from '../../../../components/grids/chip-group'
import { LabeledInput } from '../../../../components/grids/labeled-input'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/grids/use-field-errors'
import { CallError } from '../../../../services/call-error'
import { PolygonField } from './polygon-field'
import { checkPolygon } from './polygon-check'
import { polygonMessage } from './polygon-text'

type Tree = ActionOutput<'grids.tree'>
const SHOWN = ['communityId', 'name', 'code', 'polygon', 'notes'] as const

/** 新建网格: community, name, code like NZ-05, and the boundary. */
export function CreateForm({ tree, initialCommunity }: { tree: Tree; initialCommunity: string | null }) {
  const create = useAction('grids.create')
  const errors = useFieldErrors(SHOWN)
  const communities = tree.streets.flatMap((s) => s.communities)
  const [form, setForm] = useState({ communityId: initialCommunity ?? '', name: '', code: '', polygon: '', notes: '' })
  const [lines, setLines] = useState<number[]>([])
  const set = (key: keyof typeof form) => (value: string) => {
    setForm({ ...form, [key]: value })
    errors.dismiss(key)
  }

  const save = async () => {
    const polygon = checkPolygon(form.polygon)
    if (!form.communityId) return errors.fromIssues([{ path: ['communityId'], message: '请选择所属社区' }])
    if (!polygon.ok) return errors.fromIssues([{ path: ['polygon'], message: polygon.message }])
    setLines(polygon.lines)
    const payload = {
      communityId: form.communityId,
      name: form.name.trim(),
      code: form.code.trim(),
      polygon: polygon.points,
      notes: form.notes.trim(),
    }
    const parsed = actions['grids.create'].input.safeParse(payload)
    if (!parsed.success) return errors.fromIssues(parsed.error.issues)
    errors.clear()
    try {
      const grid = await create.run(payload)
      void Taro.showToast({ title: '网格已创建', icon: 'success' })
      void Taro.redirectTo({ url: `/packages/admin/pages/grid-edit/index?gridId=${grid.id}&created=1` })
    } catch (err) {
      if (err instanceof CallError && err.code === 'CONFLICT')
        return errors.fromIssues([{ path: ['code'], message: err.message }])
      errors.fromError(err)
    }
  }

  return (
    <Card title="新建网格">
      <Text className="grid-form__label">所属社区</Text>
      <ChipGroup
        idPrefix="grid-community-"
        items={communities.map((c) => ({ id: c.id, label: c.name }))}
        selected={[form.communityId]}
        onToggle={set('communityId')}
        empty="没有可管理的社区"
      />
      {errors.field('communityId') ? <Text className="grid-form__error">{errors.field('communityId')}</Text> : null}
      <View className="grid-form__gap" />
      <LabeledInput
        id="grid-name-input"
        label="网格名称"
        value={form.name}
        maxLength={30}
        placeholder="如 南张社区第五网格"
        error={errors.field('name')}
        onChange={set('name')}
      />
      <LabeledInput
        id="grid-code-input"
        label="网格编号（社区字母缩写-序号）"
        value={form.code}
        maxLength={7}
        placeholder="如 NZ-05"
        error={errors.field('code')}
        onChange={(v) => set('code')(v.toUpperCase())}
      />
      <PolygonField value={form.polygon} onChange={set('polygon')} error={polygonMessage(errors.fields, lines)} />
      <LabeledInput
        id="grid-notes"
        label="备注（选填）"
        value={form.notes}
        maxLength={200}
        placeholder="如 含南张小区1–6号楼"
        error={errors.field('notes')}
        onChange={set('notes')}
      />
      {errors.message ? (
        <Text id="grid-error" className="grid-form__error grid-form__error--block">
          {errors.message}
        </Text>
      ) : null}
      <Button
        id="grid-save"
        type="primary"
        block
        loading={create.pending}
        disabled={create.pending}
        onClick={() => void save()}
      >
        创建网格
      </Button>
    </Card>
  )
}
