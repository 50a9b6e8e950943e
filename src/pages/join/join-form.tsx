import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions, type ActionOutput, type MeView } from '../../contract'
import { Card } from '../../components/card'
import { LabeledInput } from '../../components/grids/labeled-input'
import { useAction } from '../../hooks/use-action'
import { useFieldErrors } from '../../hooks/grids/use-field-errors'
import { clearPendingJoin } from '../../hooks/grids/pending-join'
import { announceMeChanged } from '../../hooks/grids/me-changed'
import { HOME_PAGE } from '../../services/session'

interface JoinFormProps {
  code: string
  preview: ActionOutput<'grids.joinPreview'>
  me: MeView
}

const SHOWN = ['building', 'unit', 'room', 'realName'] as const

/** The grid the code belongs to, and the address form that makes it the person's home grid. */
export function JoinForm({ code, preview, me }: JoinFormProps) {
  const join = useAction('grids.join')
  const errors = useFieldErrors(SHOWN)
  const [form, setForm] = useState({ building: '', unit: '', room: '', realName: '' })
  const set = (key: keyof typeof form) => (value: string) => {
    setForm({ ...form, [key]: value })
    errors.dismiss(key)
  }
  const current = me.homeGrid
  const already = current?.id === preview.gridId

  const submit = async () => {
    const payload = {
      code,
      building: form.building.trim(),
      unit: form.unit.trim(),
      room: form.room.trim(),
      realName: form.realName.trim() || undefined,
    }
    const parsed = actions['grids.join'].input.safeParse(payload)
    if (!parsed.success) return errors.fromIssues(parsed.error.issues)
    errors.clear()
    try {
      await join.run(payload)
      clearPendingJoin()
      announceMeChanged()
      void Taro.showToast({ title: '已加入网格', icon: 'success' })
      void Taro.switchTab({ url: HOME_PAGE })
    } catch (err) {
      errors.fromError(err)
    }
  }

  return (
    <View>
      <View className="join__grid">
        <Text className="join__label">您将加入</Text>
        <Text id="join-preview-grid" className="join__name">
          {preview.gridName}
        </Text>
        <Text className="join__place">{preview.communityName}</Text>
        <Text className="join__workers">{`网格员：${preview.workerNames.join('、') || '暂未配备'}`}</Text>
      </View>
      {already ? (
        <Card>
          <Text className="para">您已经是本网格的居民了。</Text>
          <Button block type="primary" onClick={() => void Taro.switchTab({ url: HOME_PAGE })}>
            回到首页
          </Button>
        </Card>
      ) : (
        <Card title="填写住址">
          <View className="join__address">
            <LabeledInput
              id="join-building"
              label="楼号"
              value={form.building}
              maxLength={20}
              placeholder="如 3"
              error={errors.field('building')}
              onChange={set('building')}
            />
            <LabeledInput
              id="join-unit"
              label="单元"
              value={form.unit}
              maxLength={20}
              placeholder="如 2"
              error={errors.field('unit')}
              onChange={set('unit')}
            />
            <LabeledInput
              id="join-room"
              label="房号"
              value={form.room}
              maxLength={20}
              placeholder="如 301"
              error={errors.field('room')}
              onChange={set('room')}
            />
          </View>
          <LabeledInput
            id="join-name"
            label="真实姓名（选填，方便网格员上门服务）"
            value={form.realName}
            maxLength={20}
            placeholder={`不填则使用“${me.nickname}”`}
            error={errors.field('realName')}
            onChange={set('realName')}
          />
          <Text className="muted join__note">住址和姓名只有本网格的网格员能看到，用于上门服务和核实身份。</Text>
          {current ? (
            <Text className="join__move">{`加入后，您的网格将从「${current.name}」变更为「${preview.gridName}」。`}</Text>
          ) : null}
          {errors.message ? (
            <Text id="join-error" className="join__error">
              {errors.message}
            </Text>
          ) : null}
          <Button
            id="join-submit"
            type="primary"
            block
            loading={join.pending}
            disabled={join.pending}
            onClick={() => void submit()}
          >
            确认加入
          </Button>
        </Card>
      )}
    </View>
  )
}
