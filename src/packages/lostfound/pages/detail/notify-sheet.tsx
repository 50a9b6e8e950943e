import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions, type ActionOutput, type LostPostDetail } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'

type Member = ActionOutput<'grids.members'>['items'][number]

interface NotifySheetProps {
  /** A post of a grid (the server offers 通知住户 only then). */
  p: LostPostDetail
  onClose: () => void
}

const describe = (m: Member) => `${m.building}号楼${m.unit}单元${m.room}`

/** Members of the grid by name or building (the look-up is audit-logged by the server). */
function useMemberSearch(gridId: string | null) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Member[] | null>(null)
  const errors = useFieldErrors(['q'])
  const search = async () => {
    const query = errors.parse(actions['grids.members'].input, {
      gridId: gridId ?? undefined,
      q: q.trim() || undefined,
    })
    if (!query) return
    try {
      setFound((await call('grids.members', query)).items)
    } catch (err) {
      errors.fromError(err)
    }
  }
  return { q, setQ, found, errors, search }
}

/** 通知住户: staff find a resident of the post's grid and send them the post in a message. */
export function NotifySheet({ p, onClose }: NotifySheetProps) {
  const members = useMemberSearch(p.gridId)
  const notify = useAction('lostfound.notify')
  const [sent, setSent] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const send = async (m: Member) => {
    setProblem(null)
    try {
      const res = await notify.run({ postId: p.id, membershipId: m.id })
      setSent((s) => [...s, m.id])
      void Taro.showToast({ title: `已通知${res.name}`, icon: 'success' })
    } catch (err) {
      setProblem(userMessage(err))
    }
  }
  return (
    <View id="lf-notify" className="lf-form">
      <Text className="card__title">通知住户</Text>
      <Text className="muted">按姓名或楼号查找本网格住户，对方会在“我的消息”里收到这条启事。</Text>
      <TextField
        id="lf-notify-q"
        placeholder="住户姓名或楼号"
        maxLength={20}
        value={members.q}
        error={members.errors.field('q') ?? members.errors.message}
        onChange={members.setQ}
        onConfirm={() => void members.search()}
        action={
          <Button id="lf-notify-search" size="small" type="primary" onClick={() => void members.search()}>
            查找
          </Button>
        }
      />
      {members.found && members.found.length === 0 ? <Text className="muted">没有找到这位住户</Text> : null}
      {(members.found ?? []).map((m) => (
        <View key={m.id} className="lf-member">
          <View className="lf-member__text">
            <Text className="lf-member__name">{m.name}</Text>
            <Text className="muted">{describe(m)}</Text>
          </View>
          {m.offline ? (
            <Text className="muted">无手机，请线下联系</Text>
          ) : (
            <Button
              id={`lf-notify-${m.id}`}
              size="small"
              type="primary"
              fill={sent.includes(m.id) ? 'outline' : 'solid'}
              disabled={notify.pending || sent.includes(m.id)}
              onClick={() => void send(m)}
            >
              {sent.includes(m.id) ? '已通知' : '通知'}
            </Button>
          )}
        </View>
      ))}
      <ErrorText of="form" message={problem} />
      <View className="lf-form__actions">
        <Button fill="outline" onClick={onClose}>
          完成
        </Button>
      </View>
    </View>
  )
}
