import { Input, Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { ActionOutput } from '../../../../contract'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { useAction } from '../../../../hooks/use-action'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { fieldMessage, userMessage } from '../../../../services/call-error'
import './index.css'

type Category = ActionOutput<'categories.list'>['items'][number]
type Draft = { id?: string; name: string; acceptHours: string; resolveWorkdays: string; active: boolean }

const toDraft = (c?: Category): Draft =>
  c
    ? {
        id: c.id,
        name: c.name,
        acceptHours: String(c.acceptHours),
        resolveWorkdays: String(c.resolveWorkdays),
        active: c.active,
      }
    : { name: '', acceptHours: '4', resolveWorkdays: '3', active: true }

/** 工单分类与时限 (street admin): accept within N hours, resolve within N working days. */
export default function CategoriesPage() {
  const list = useQuery(useCallback(() => call('categories.list', {}), []))
  const save = useAction('categories.save')
  const [draft, setDraft] = useState<Draft | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />

  const submit = async () => {
    if (!draft) return
    const acceptHours = Number(draft.acceptHours)
    const resolveWorkdays = Number(draft.resolveWorkdays)
    if (!draft.name.trim()) return setProblem('请填写分类名称')
    if (!(acceptHours >= 0.5 && acceptHours <= 720)) return setProblem('接单时限应在 0.5–720 小时之间')
    if (!Number.isInteger(resolveWorkdays) || resolveWorkdays < 1 || resolveWorkdays > 60)
      return setProblem('办结时限应为 1–60 个工作日')
    try {
      await save.run({ id: draft.id, name: draft.name.trim(), acceptHours, resolveWorkdays, active: draft.active })
      setDraft(null)
      setProblem(null)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void list.reload()
    } catch (err) {
      setProblem(fieldMessage(err, 'name') ?? userMessage(err))
    }
  }

  return (
    <View className="page">
      <Card
        title="工单分类与时限"
        extra={
          <Button size="small" type="primary" onClick={() => setDraft(toDraft())}>
            新增分类
          </Button>
        }
      >
        {list.data.items.map((c) => (
          <View key={c.id} id={`category-${c.id}`} className="categories__row" onClick={() => setDraft(toDraft(c))}>
            <Text className={`categories__name ${c.active ? '' : 'categories__name--off'}`}>
              {c.name}
              {c.active ? '' : '（已停用）'}
            </Text>
            <Text className="muted">
              {c.acceptHours} 小时接单 · {c.resolveWorkdays} 个工作日办结
            </Text>
          </View>
        ))}
      </Card>
      {draft ? (
        <Card title={draft.id ? '修改分类' : '新增分类'}>
          <Input
            className="categories__input"
            placeholder="分类名称"
            value={draft.name}
            onInput={(e) => setDraft({ ...draft, name: e.detail.value })}
          />
          <Input
            className="categories__input"
            type="digit"
            placeholder="接单时限（小时）"
            value={draft.acceptHours}
            onInput={(e) => setDraft({ ...draft, acceptHours: e.detail.value })}
          />
          <Input
            className="categories__input"
            type="number"
            placeholder="办结时限（工作日）"
            value={draft.resolveWorkdays}
            onInput={(e) => setDraft({ ...draft, resolveWorkdays: e.detail.value })}
          />
          <View className="categories__switch">
            <Text>启用</Text>
            <Switch
              checked={draft.active}
              color="#e53029"
              onChange={(e) => setDraft({ ...draft, active: e.detail.value })}
            />
          </View>
          {problem ? <Text className="categories__error">{problem}</Text> : null}
          <View className="categories__actions">
            <Button fill="outline" onClick={() => setDraft(null)}>
              取消
            </Button>
            <Button type="primary" loading={save.pending} onClick={() => void submit()}>
              保存
            </Button>
          </View>
        </Card>
      ) : null}
    </View>
  )
}
