import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import type { ActionOutput } from '../../../../contract'
import { ListFooter } from '../../../../components/grids/list-footer'
import { PageStatus } from '../../../../components/page-status'
import { Tag, type TagTone } from '../../../../components/grids/tag'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'

type Invite = ActionOutput<'invites.list'>['items'][number]

const STATES: Record<Invite['state'], { label: string; tone: TagTone }> = {
  open: { label: '未使用', tone: 'green' },
  redeemed: { label: '已使用', tone: 'blue' },
  revoked: { label: '已撤销', tone: 'grey' },
  expired: { label: '已过期', tone: 'orange' },
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

  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
  if (list.data.items.length === 0) return <Text className="para">还没有发放过邀请码。</Text>
  return (
    <View>
      {list.data.items.map((inv) => (
        <View key={inv.id} id={`invite-${inv.id}`} className="invite-row">
          <View className="invite-row__main">
            <View className="invite-row__top">
              <Text className="invite-row__code">{inv.codeMasked}</Text>
              <Tag text={STATES[inv.state].label} tone={STATES[inv.state].tone} />
            </View>
            <Text className="invite-row__scope">{inv.scopeLabel}</Text>
            <Text className="muted">
              {inv.state === 'redeemed' && inv.redeemedByName
                ? `${inv.redeemedByName} 已使用`
                : `${dayjs(inv.createdAt).format('MM-DD HH:mm')} 发放 · ${dayjs(inv.expiresAt).format('MM-DD HH:mm')} 到期`}
            </Text>
          </View>
          {inv.state === 'open' ? (
            <View className="invite-row__actions">
              <Button
                id={`invite-reveal-${inv.id}`}
                size="small"
                fill="none"
                disabled={reveal.pending}
                onClick={() => void showCode(inv)}
              >
                查看
              </Button>
              <Button
                id={`invite-revoke-${inv.id}`}
                size="small"
                fill="outline"
                disabled={revoke.pending}
                onClick={() => void confirmRevoke(inv)}
              >
                撤销
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <ListFooter
        hasMore={list.data.nextCursor !== null}
        loading={list.loadingMore}
        error={list.moreError}
        onMore={() => void list.loadMore()}
      />
    </View>
  )
}
