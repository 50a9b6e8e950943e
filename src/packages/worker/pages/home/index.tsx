import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { RoleTags } from '../../../../components/role-tags'
import { TileGrid, type TileItem } from '../../../../components/grids/tile-grid'
import type { GridHome, MeView } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { staffGridIds } from '../../../../services/areas'
import { WorkerGridRow } from './grid-row'
import './index.css'

interface WorkerDesk {
  me: MeView
  grids: GridHome[]
}

async function loadDesk(): Promise<WorkerDesk> {
  const me = await call('me.get', {})
  const grids = await Promise.all(staffGridIds(me.roles).map((gridId) => call('grids.get', { gridId })))
  return { me, grids }
}

const open = (url: string) => () => void Taro.navigateTo({ url })

function tilesFor(me: MeView): TileItem[] {
  const worker = me.roles.some((r) => r.role === 'grid_worker')
  return [
    {
      id: 'worker-inbox',
      mark: '办',
      title: '待办工单',
      hint: '接单与办理',
      tone: 'red',
      onTap: open('/packages/orders/pages/inbox/index'),
    },
    ...(worker
      ? ([
          {
            id: 'worker-patrol',
            mark: '巡',
            title: '巡查登记',
            hint: '巡查发现问题',
            tone: 'blue',
            onTap: open('/packages/orders/pages/create/index?source=patrol'),
          },
          {
            id: 'worker-proxy',
            mark: '代',
            title: '代办登记',
            hint: '为老人登记',
            tone: 'green',
            onTap: open('/packages/orders/pages/create/index?source=proxy'),
          },
        ] satisfies TileItem[])
      : []),
  ]
}

export default function WorkerHomePage() {
  const desk = useQuery(useCallback(loadDesk, []))
  usePullRefresh(desk.reload)
  if (!desk.data) return <PageStatus loading={desk.loading} error={desk.error} onRetry={() => void desk.reload()} />
  const { me, grids } = desk.data
  return (
    <View className="page">
      <Card title={`${me.nickname}的工作台`} extra={<RoleTags roles={me.roles.filter((r) => r.role !== 'resident')} />}>
        <Text className="para">这里汇集您负责网格的日常事务。</Text>
      </Card>
      <TileGrid tiles={tilesFor(me)} />
      <Card title="我负责的网格">
        {grids.length === 0 ? (
          <Text className="para">
            您当前没有分管的网格。部门人员的入格网格由街道统一安排，转派给本部门的工单在“待办工单”中办理。
          </Text>
        ) : null}
        {grids.map((g) => (
          <WorkerGridRow key={g.id} grid={g} />
        ))}
      </Card>
    </View>
  )
}
