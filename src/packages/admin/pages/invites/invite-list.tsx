import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { PagedList } from '../../../../components/paged-list'
import { Tag } from '../../../../components/tag'
import type { ActionOutput } from '../../../../contract'
import { inviteStateTag } from '../../../../copy/admin'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'

type Invite = ActionOutput<'invites.list'>['items'][number]

interface InviteRowProps {
  invite: Invite
  busy: boolean
  onReveal: (invite: Invite) => void
  onRevoke: (invite: Invite) => void
}

/** One invite: its masked code, state and scope; an open one can be shown in full once more, or revoked. */
function InviteRow({ invite: inv, busy, onReveal, onRevoke }: InviteRowProps) {
  const state = inviteStateTag(inv.state)
  const when =
    inv.state === 'redeemed' && inv.redeemedByName
      ? `${inv.redeemedByName} 已使用`
      : `${dayjs(inv.createdAt).format('MM-DD HH:mm')} 发放 · ${dayjs(inv.expiresAt).format('MM-DD HH:mm')} 到期`
  return (
    <View id={`invite-${inv.id}`} className="invite-row">
      <View className="invite-row__main">
        <View className="invite-row__top">
          <Text className="invite-row__code">{inv.codeMasked}</Text>
          <Tag text={state.label} tone={state.tone} />
        </View>
        <Text className="invite-row__scope">{inv.scopeLabel}</Text>
        <Text className="muted">{when}</Text>
      </View>
      {inv.state === 'open' ? (
        <View className="invite-row__actions">
          <Button
            id={`invite-reveal-${inv.id}`}
            size="small"
            fill="outline"
            disabled={busy}
            onClick={() => onReveal(inv)}
          >
            查看
          </Button>
          <Button
            id={`invite-revoke-${inv.id}`}
            size="small"
            fill="outline"
            disabled={busy}
            onClick={() => onRevoke(inv)}
          >
            撤销
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** Invites in the admin's scope, newest first, codes masked; open ones can be revealed once more (recorded) or revoked. */
export function InviteList() {
  const list = usePaged(useCallback((cursor?: string) => call('invites.list', { cursor }), []))
  const revoke = useAction('invites.revoke')
  const reveal = useAction('invites.reveal')

  const showCode = async (invite: Invite) => {
    const answer = await Taro.showModal({
      title: '查看完整邀请码',
      content: `查看 ${invite.codeMasked}（${invite.scopeLabel}）的完整邀请码会记入操作日志。继续吗？`,
    })
    if (!answer.confirm) return
    try {
      const shown = await reveal.run({ id: invite.id })
      const copy = await Taro.showModal({
        title: '邀请码',
        content: shown.code ?? '',
        confirmText: '复制',
        cancelText: '关闭',
      })
      if (copy.confirm && shown.code) await Taro.setClipboardData({ data: shown.code })
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }

  const confirmRevoke = async (invite: Invite) => {
    const answer = await Taro.showModal({
      title: '撤销邀请码',
      content: `撤销后 ${invite.codeMasked}（${invite.scopeLabel}）将无法使用。确定撤销吗？`,
      confirmColor: '#e53029',
    })
    if (!answer.confirm) return
    try {
      await revoke.run({ id: invite.id })
      void Taro.showToast({ title: '已撤销', icon: 'success' })
      await list.reload()
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }

  return (
    <PagedList
      list={list}
      empty="还没有发放过邀请码。"
      renderItem={(inv) => (
        <InviteRow
          key={inv.id}
          invite={inv}
          busy={revoke.pending || reveal.pending}
          onReveal={(i) => void showCode(i)}
          onRevoke={(i) => void confirmRevoke(i)}
        />
      )}
    />
  )
}
