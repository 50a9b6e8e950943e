import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { TileGrid, type TileItem } from '../../../../components/tile-grid'
import type { RoleGrant } from '../../../../contract'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { isStreetAdmin } from '../../../../services/areas'
import { CommunityCard } from './community-card'
import './index.css'
import { CREDIT_PAGES } from '../../../../copy/credit'
import { PageRoot } from '../../../../components/page-root'

const go = (url: string) => () => void Taro.navigateTo({ url })
const ADMIN = '/packages/admin/pages'

function tilesFor(roles: RoleGrant[]): TileItem[] {
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
    { id: 'admin-credit', mark: '积', title: '积分与集市', tone: 'red', onTap: go(CREDIT_PAGES.admin) },
    ...(isStreetAdmin(roles)
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
  const tree = useQuery(useCallback(() => call('grids.tree', {}), []))
  const { me } = useMe()
  usePullRefresh(tree.reload)
  if (!tree.data) return <PageStatus loading={tree.loading} error={tree.error} onRetry={() => void tree.reload()} />
  const { streets } = tree.data
  return (
    <PageRoot className="page">
      <TileGrid tiles={tilesFor(me?.roles ?? [])} />
      {streets.map((street) => (
        <View key={street.id}>
          <Text className="section-title">{`${street.name} · 网格`}</Text>
          {street.communities.map((c) => (
            <CommunityCard key={c.id} community={c} />
          ))}
        </View>
      ))}
      {streets.length === 0 ? (
        <Card>
          <Text className="para">您的管理范围内还没有社区和网格。</Text>
        </Card>
      ) : null}
    </PageRoot>
  )
}
