import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { PagedList } from '../../../../components/paged-list'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { MemberRow, type Member } from './member-row'

async function confirmHead(m: Member, appointing: boolean): Promise<boolean> {
  const answer = await Taro.showModal({
    title: appointing ? '设为楼长' : '取消楼长',
    content: appointing
      ? `任命 ${m.name} 为楼长后，Ta 可协助转达通知、反映本楼情况。`
      : `确定取消 ${m.name} 的楼长身份吗？`,
    confirmColor: '#e53029',
  })
  return answer.confirm
}

/** The grid's active residents, newest first, or the matches of one search (every load is audit-logged). */
export function MemberList({ gridId, q }: { gridId: string; q: string }) {
  const list = usePaged(
    useCallback((cursor?: string) => call('grids.members', { gridId, q: q || undefined, cursor }), [gridId, q]),
  )
  const appoint = useAction('grids.appointBuildingHead')

  const toggleHead = async (m: Member) => {
    const appointing = !m.isBuildingHead
    if (!m.userId || !(await confirmHead(m, appointing))) return
    try {
      await appoint.run({ gridId, userId: m.userId, appoint: appointing })
      void Taro.showToast({ title: appointing ? '已设为楼长' : '已取消楼长', icon: 'success' })
      await list.reload()
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }

  return (
    <View>
      {q && list.data?.items.length ? <Text className="muted">{`找到 ${list.data.items.length} 位住户`}</Text> : null}
      <PagedList
        list={list}
        empty={q ? `没有找到“${q}”相关的住户` : '本网格还没有住户。居民扫描网格二维码即可加入。'}
        emptyId="members-empty"
        moreId="members-more"
        renderItem={(m) => (
          <MemberRow key={m.id} member={m} busy={appoint.pending} onToggleHead={(x) => void toggleHead(x)} />
        )}
      />
    </View>
  )
}
