import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { ListFooter } from '../../../../components/grids/list-footer'
import { PageStatus } from '../../../../components/page-status'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { MemberRow, type Member } from './member-row'

/** The grid's active residents, newest first, or the matches of one search (every load is audit-logged). */
export function MemberList({ gridId, q }: { gridId: string; q: string }) {
  const list = usePaged(
    useCallback((cursor?: string) => call('grids.members', { gridId, q: q || undefined, cursor }), [gridId, q]),
  )
  const appoint = useAction('grids.appointBuildingHead')

  const toggleHead = async (m: Member) => {
    if (!m.userId) return
    const appointing = !m.isBuildingHead
    const answer = await Taro.showModal({
      title: appointing ? '设为楼长' : '取消楼长',
      content: appointing
        ? `任命 ${m.name} 为楼长后，Ta 可协助转达通知、反映本楼情况。`
        : `确定取消 ${m.name} 的楼长身份吗？`,
      confirmColor: '#e53029',
    })
    if (!answer.confirm) return
    try {
      await appoint.run({ gridId, userId: m.userId, appoint: appointing })
      void Taro.showToast({ title: appointing ? '已设为楼长' : '已取消楼长', icon: 'success' })
      await list.reload()
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }

  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
  if (list.data.items.length === 0) {
    return (
      <Text id="members-empty" className="members__empty">
        {q ? `没有找到“${q}”相关的住户` : '本网格还没有住户。居民扫描网格二维码即可加入。'}
      </Text>
    )
  }
  return (
    <View>
      {q ? <Text className="muted">{`找到 ${list.data.items.length} 位住户`}</Text> : null}
      {list.data.items.map((m) => (
        <MemberRow key={m.id} member={m} busy={appoint.pending} onToggleHead={(x) => void toggleHead(x)} />
      ))}
      <ListFooter
        id="members-more"
        hasMore={list.data.nextCursor !== null}
        loading={list.loadingMore}
        error={list.moreError}
        onMore={() => void list.loadMore()}
      />
    </View>
  )
}
