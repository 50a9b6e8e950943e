import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { PagedList } from '../../../../components/paged-list'
import { Tag } from '../../../../components/tag'
import type { ActionOutput } from '../../../../contract'
import { INVITE_STATE_LABELS } from '../../../../copy/admin'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'

type Invite = ActionOutput<'invites.list'>['items'][number]

interface InviteRowProps {
  invite: Invite
  busy: boolean
  onRevoke: (invite: Invite) => void
}

function InviteRow({ invite: inv, busy, onRevoke }: InviteRowProps) {
  const state = INVITE_STATE_LABELS[inv.state]
  const when =
    inv.state === 'redeemed' && inv.redeemedByName
      ? `${inv.redeemedByName} 已使用`
      : `${dayjs(inv.createdAt).format('MM-DD HH:mm')} 发放 · ${dayjs(inv.expiresAt).format('MM-DD HH:mm')} 到期`
  return (
    <View id={`invite-${inv.code}`} className="invite-row">
      <View className="invite-row__main">
        <View className="invite-row__top">
          <Text className="invite-row__code">{inv.code}</Text>
          <Tag text={state.label} tone={state.tone} />
        </View>
        <Text className="invite-row__scope">{inv.scopeLabel}</Text>
        <Text className="muted">{when}</Text>
      </View>
      {inv.state === 'open' ? (
        <Button
          id={`invite-revoke-${inv.code}`}
          size="small"
          fill="outline"
          disabled={busy}
          onClick={() => onRevoke(inv)}
        >
          撤销
        </Button>
      ) : null}
    </View>
  )
}

/** Invites of the street, newest first; open ones can be revoked. */
export function InviteList() {
  const list = usePaged(useCallback((cursor?: string) => call('invites.list', { cursor }), []))
  const revoke = useAction('invites.revoke')

  const confirmRevoke = async (invite: Invite) => {
    const answer = await Taro.showModal({
      title: '撤销邀请码',
      content: `撤销后 ${invite.code}（${invite.scopeLabel}）将无法使用。确定撤销吗？`,
      confirmColor: '#e53029',
    })
    if (!answer.confirm) return
    try {
      await revoke.run({ code: invite.code })
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
        <InviteRow key={inv.code} invite={inv} busy={revoke.pending} onRevoke={(i) => void confirmRevoke(i)} />
      )}
    />
  )
}
