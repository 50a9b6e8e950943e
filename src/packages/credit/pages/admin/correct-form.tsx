import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Chips } from '../../../../components/chips'
import { TextField } from '../../../../components/text-field'
import type { ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { fieldMessage, userMessage } from '../../../../services/call-error'

type Member = ActionOutput<'grids.members'>['items'][number]

/** 积分调整: find a resident of a grid in scope, then add or take back points with a reason (a new entry, audited). */
export function CorrectForm() {
  const tree = useQuery(useCallback(() => call('grids.tree', {}), []))
  const correct = useAction('credit.correct')
  const [gridId, setGridId] = useState('')
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Member[] | null>(null)
  const [person, setPerson] = useState<Member | null>(null)
  const [points, setPoints] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string | null>>({})
  const grids = (tree.data?.streets ?? []).flatMap((s) =>
    s.communities.flatMap((c) => c.grids.filter((g) => !g.archived)),
  )
  const search = async () => {
    setErrors({})
    try {
      const page = await call('grids.members', { gridId: gridId || (grids[0]?.id ?? ''), q })
      setFound(page.items.filter((m) => m.userId))
    } catch (err) {
      setErrors({ q: userMessage(err) })
    }
  }
  const submit = async () => {
    if (!person?.userId) return
    setErrors({})
    try {
      await correct.run({ userId: person.userId, points: Number(points), reason })
      void Taro.showToast({ title: '已调整', icon: 'success' })
      setPoints('')
      setReason('')
    } catch (err) {
      setErrors({ points: fieldMessage(err, 'points'), reason: fieldMessage(err, 'reason'), form: userMessage(err) })
    }
  }
  return (
    <View>
      <Text className="muted">调整只会新增一条带原因的记录，不修改或删除原记录；扣减不会低于零。</Text>
      <Chips
        idPrefix="correct-grid-"
        items={grids.map((g) => ({ id: g.id, label: g.name }))}
        selected={[gridId || (grids[0]?.id ?? '')]}
        onToggle={setGridId}
      />
      <TextField
        id="correct-q"
        label="居民姓名"
        value={q}
        onChange={setQ}
        maxLength={20}
        error={errors.q}
        onConfirm={() => void search()}
        action={
          <Button id="correct-search" size="small" type="primary" onClick={() => void search()}>
            查找
          </Button>
        }
      />
      {found?.length === 0 ? <Text className="muted">没有找到使用小程序的这位居民。</Text> : null}
      {found && found.length > 0 ? (
        <Chips
          idPrefix="correct-person-"
          items={found.map((m) => ({ id: m.id, label: `${m.name} ${m.building}号楼${m.unit}单元${m.room}` }))}
          selected={person ? [person.id] : []}
          onToggle={(id) => setPerson(found.find((m) => m.id === id) ?? null)}
        />
      ) : null}
      {person ? (
        <View>
          <TextField
            id="correct-points"
            label="积分（负数为扣回）"
            value={points}
            onChange={setPoints}
            error={errors.points}
          />
          <TextField
            id="correct-reason"
            label="调整原因"
            value={reason}
            onChange={setReason}
            maxLength={100}
            error={errors.reason}
          />
          {errors.form && !errors.points && !errors.reason ? (
            <Text className="credit-admin__error">{errors.form}</Text>
          ) : null}
          <Button id="correct-submit" type="primary" block loading={correct.pending} onClick={() => void submit()}>
            {`为 ${person.name} 调整积分`}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
