import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions, type GridHome } from '../../../../contract'
import { Card } from '../../../../components/card'
import { LabeledInput } from '../../../../components/grids/labeled-input'
import { Tag } from '../../../../components/grids/tag'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/grids/use-field-errors'
import { userMessage } from '../../../../services/call-error'
import { PolygonField } from './polygon-field'
import { checkPolygon } from './polygon-check'
import { formatPolygon, polygonMessage } from './polygon-text'

const SHOWN = ['name', 'polygon', 'notes'] as const

/** 编辑网格: name, notes, boundary; stop or restore the grid; hand out a worker invite for it. */
export function EditForm({ grid, onSaved }: { grid: GridHome; onSaved: (grid: GridHome) => void }) {
  const update = useAction('grids.update')
  const archive = useAction('grids.archive')
  const errors = useFieldErrors(SHOWN)
  const [form, setForm] = useState({ name: grid.name, notes: grid.notes, polygon: formatPolygon(grid.polygon) })
  const [lines, setLines] = useState<number[]>([])
  const set = (key: keyof typeof form) => (value: string) => {
    setForm({ ...form, [key]: value })
    errors.dismiss(key)
  }

  const save = async () => {
    const polygon = checkPolygon(form.polygon)
    if (!polygon.ok) return errors.fromIssues([{ path: ['polygon'], message: polygon.message }])
    setLines(polygon.lines)
    const payload = { gridId: grid.id, name: form.name.trim(), notes: form.notes.trim(), polygon: polygon.points }
    const parsed = actions['grids.update'].input.safeParse(payload)
    if (!parsed.success) return errors.fromIssues(parsed.error.issues)
    errors.clear()
    try {
      onSaved(await update.run(payload))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      errors.fromError(err)
    }
  }

  const toggleArchive = async () => {
    const stopping = !grid.archived
    const answer = await Taro.showModal({
      title: stopping ? '停用网格' : '恢复网格',
      content: stopping
        ? `停用后，居民无法再扫码加入${grid.name}，随手拍也不再落入该网格；已有居民和工单会保留。确定停用吗？`
        : `恢复后，${grid.name}重新接受居民加入和上报。确定恢复吗？`,
      confirmText: stopping ? '确定停用' : '确定恢复',
      confirmColor: '#e53029',
    })
    if (!answer.confirm) return
    try {
      onSaved(await archive.run({ gridId: grid.id, archived: stopping }))
      void Taro.showToast({ title: stopping ? '已停用' : '已恢复', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }

  return (
    <View>
      <Card
        title={`${grid.name}（${grid.code}）`}
        extra={grid.archived ? <Tag text="已停用" /> : <Tag text="使用中" tone="green" />}
      >
        <Text className="para">{`${grid.communityName} · ${grid.memberCount} 位居民 · 网格员 ${grid.workers.map((w) => w.nickname).join('、') || '未配备'}`}</Text>
        <View className="grid-form__row">
          <Button
            id="grid-invite"
            size="small"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: `/packages/admin/pages/invites/index?gridId=${grid.id}` })}
          >
            发放网格员邀请码
          </Button>
          <Button
            id="grid-archive"
            size="small"
            fill="outline"
            loading={archive.pending}
            onClick={() => void toggleArchive()}
          >
            {grid.archived ? '恢复网格' : '停用网格'}
          </Button>
        </View>
      </Card>
      <Card title="修改网格">
        <LabeledInput
          id="grid-name-input"
          label="网格名称"
          value={form.name}
          maxLength={30}
          error={errors.field('name')}
          onChange={set('name')}
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
          loading={update.pending}
          disabled={update.pending}
          onClick={() => void save()}
        >
          保存修改
        </Button>
      </Card>
    </View>
  )
}
