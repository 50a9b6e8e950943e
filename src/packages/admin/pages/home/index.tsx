import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { TileGrid, type TileItem } from '../../../../components/grids/tile-grid'
import type { MeView } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { CommunityCard } from './community-card'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })
const ADMIN = '/packages/admin/pages'

function tilesFor(me: MeView): TileItem[] {
  const street = me.roles.some((r) => r.role === 'street_admin')
  return [
    { id: 'admin-new-grid', mark: '格', title: '新建网格', tone: 'red', onTap: go(`${ADMIN}/grid-edit/index`) },
    { id: 'admin-invites', mark: '邀', title: '邀请码', tone: 'blue', onTap: go(`${ADMIN}/invites/index`) },
    { id: 'admin-departments', mark: '部', title: '部门入格', tone: 'green', onTap: go(`${ADMIN}/departments/index`) },
    {
      id: 'admin-overdue',
      mark: '督',
      title: '超期督办',
      tone: 'orange',
      onTap: go('/packages/orders/pages/overdue/index'),
    },
    { id: 'admin-audit', mark: '录', title: '操作记录', tone: 'purple', onTap: go(`${ADMIN}/audit/index`) },
    ...(street
      ? [
          {
            id: 'admin-categories',
            mark: '类',
            title: '分类时限',
            tone: 'teal',
            onTap: go('/packages/orders/pages/categories/index'),
          } satisfies TileItem,
        ]
      : []),
  ]
}

/** 管理后台: the grid tree in the admin's scope, and the admin tools. */
export default function AdminHomePage() {
  const state = useQuery(useCallback(() => Promise.all([call('grids.tree', {}), call('me.get', {})]), []))
  usePullRefresh(state.reload)
  if (!state.data) return <PageStatus loading={state.loading} error={state.error} onRetry={() => void state.reload()} />
  const [tree, me] = state.data
  return (
    <View className="page">
      <TileGrid tiles={tilesFor(me)} />
      {tree.streets.map((street) => (
        <View key={street.id}>
          <Text className="section-title">{`${street.name} · 网格`}</Text>
          {street.communities.map((c) => (
            <CommunityCard key={c.id} community={c} />
          ))}
        </View>
      ))}
      {tree.streets.length === 0 ? (
        <Card>
          <Text className="para">您的管理范围内还没有社区和网格。</Text>
        </Card>
      ) : null}
    </View>
  )
}
