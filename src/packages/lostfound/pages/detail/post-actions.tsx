import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { ErrorText } from '../../../../components/error-text'
import type { LostPostDetail, PostEvent } from '../../../../contract'
import { POST_EVENT_LABELS } from '../../../../copy/lostfound'
import { useAction } from '../../../../hooks/use-action'
import { userMessage } from '../../../../services/call-error'
import { NotifySheet } from './notify-sheet'
import { ClaimForm, ClueForm, CloseForm, EditForm } from './post-forms'

const PRIMARY: readonly PostEvent[] = ['claim', 'clue', 'notify']
const DONE: Partial<Record<PostEvent, string>> = {
  claim: '已提交认领',
  clue: '线索已发送',
  edit: '已保存',
  close: '已关闭',
}

interface PostActionsProps {
  p: LostPostDetail
  /** The post as it is now (from the action's answer), or undefined to load it again. */
  onChanged: (post?: LostPostDetail) => void
}

/** 续期 needs no form: a confirmation, then the new expiry. */
function useRenew(p: LostPostDetail, onChanged: (post?: LostPostDetail) => void, onProblem: (m: string) => void) {
  const renew = useAction('lostfound.renew')
  const run = async () => {
    const sure = await Taro.showModal({ title: '续期', content: '续期后启事重新计算有效期。继续吗？' })
    if (!sure.confirm) return
    try {
      onChanged(await renew.run({ postId: p.id }))
      void Taro.showToast({ title: '已续期', icon: 'success' })
    } catch (err) {
      onProblem(userMessage(err))
    }
  }
  return { run, pending: renew.pending }
}

/** The buttons this viewer may press now (the server's `can`), and the form behind the chosen one. */
export function PostActions({ p, onChanged }: PostActionsProps) {
  const [open, setOpen] = useState<PostEvent | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const renew = useRenew(p, onChanged, setProblem)
  if (!p.can.length) return null
  const done = (e: PostEvent) => (post?: LostPostDetail) => {
    setOpen(null)
    onChanged(post)
    const title = DONE[e]
    if (title) void Taro.showToast({ title, icon: 'success' })
  }
  const form = { p, onCancel: () => setOpen(null) }
  const press = (e: PostEvent) => {
    setProblem(null)
    if (e === 'renew') void renew.run()
    else setOpen(e)
  }
  return (
    <Card title={!open && (p.isOwner || p.isStaff) ? '管理启事' : undefined}>
      {open === 'claim' ? <ClaimForm {...form} onDone={done('claim')} /> : null}
      {open === 'clue' ? <ClueForm {...form} onDone={done('clue')} /> : null}
      {open === 'edit' ? <EditForm {...form} onDone={done('edit')} /> : null}
      {open === 'close' ? <CloseForm {...form} onDone={done('close')} /> : null}
      {open === 'notify' ? <NotifySheet p={p} onClose={() => setOpen(null)} /> : null}
      {open ? null : (
        <View className="lf-detail__actions">
          {p.can.map((e) => (
            <Button
              key={e}
              id={`lf-act-${e}`}
              type={PRIMARY.includes(e) ? 'primary' : 'default'}
              loading={e === 'renew' && renew.pending}
              onClick={() => press(e)}
            >
              {POST_EVENT_LABELS[e]}
            </Button>
          ))}
        </View>
      )}
      <ErrorText of="form" id="lf-act-error" message={problem} />
    </Card>
  )
}
