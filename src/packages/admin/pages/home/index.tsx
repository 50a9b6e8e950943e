import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import type { ActionOutput } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import './index.css'

type Tree = ActionOutput<'grids.tree'>
type Community = Tree['streets'][number]['communities'][number]

const NEXT_STEPS = ['在地图上划分和调整网格边界', '邀请网格员、部门人员并分配网格', '工单督办、超期预警与统计报表']

function CommunityCard({ community }: { community: Community }) {
  const members = community.grids.reduce((sum, g) => sum + g.memberCount, 0)
  return (
    <Card title={community.name} extra={<Text className='muted'>{`${community.grids.length} 个网格 · ${members} 位居民`}</Text>}>
      {community.grids.map((g) => (
        <View key={g.id} id={`admin-grid-${g.id}`} className='admin-grid'>
          <View className='admin-grid__main'>
            <Text className='admin-grid__name'>{g.archived ? `${g.name}（已停用）` : g.name}</Text>
            <Text className='admin-grid__meta'>{`${g.code} · 网格员 ${g.workerNames.join('、') || '未配备'}`}</Text>
          </View>
          <Text className='admin-grid__count'>{`${g.memberCount} 人`}</Text>
        </View>
      ))}
    </Card>
  )
}

export default function AdminHomePage() {
  const tree = useQuery(useCallback(() => call('grids.tree', {}), []))
  if (!tree.data) return <PageStatus loading={tree.loading} error={tree.error} onRetry={() => void tree.reload()} />
  return (
    <View className='page'>
      {tree.data.streets.map((street) => (
        <View key={street.id}>
          <Text className='section-title'>{street.name}</Text>
          {street.communities.map((c) => (
            <CommunityCard key={c.id} community={c} />
          ))}
        </View>
      ))}
      {tree.data.streets.length === 0 ? (
        <Card>
          <Text className='para'>您的管理范围内还没有网格。</Text>
        </Card>
      ) : null}
      <Card title='接下来'>
        {NEXT_STEPS.map((s) => (
          <Text key={s} className='para'>{`· ${s}`}</Text>
        ))}
      </Card>
    </View>
  )
}
