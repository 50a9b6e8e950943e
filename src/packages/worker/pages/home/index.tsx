import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { RoleTags } from '../../../../components/role-tags'
import { TileGrid, type TileItem } from '../../../../components/tile-grid'
import type { MeView } from '../../../../contract'
import { useGrids } from '../../../../hooks/grids/use-grids'
import { useMe } from '../../../../hooks/use-me'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { staffGridIds, workerGridIds } from '../../../../services/areas'
import { refreshMe } from '../../../../services/me'
import { WorkerGridRow } from './grid-row'
import './index.css'

const open = (url: string) => () => void Taro.navigateTo({ url })

const INBOX: TileItem = {
  id: 'worker-inbox',
  mark: '办',
  title: '待办工单',
  hint: '接单与办理',
  tone: 'red',
  onTap: open('/packages/orders/pages/inbox/index'),
}
const WORKER_TILES: TileItem[] = [
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
]

function MyGrids({ me }: { me: MeView }) {
  const grids = useGrids(staffGridIds(me.roles))
  usePullRefresh(grids.reload)
  if (!grids.data) return <PageStatus loading={grids.loading} error={grids.error} onRetry={() => void grids.reload()} />
  return (
    <Card title="我负责的网格">
      {grids.data.length === 0 ? (
        <Text className="para">
          您当前没有分管的网格。部门人员的入格网格由街道统一安排，转派给本部门的工单在“待办工单”中办理。
        </Text>
      ) : null}
      {grids.data.map((g) => (
        <WorkerGridRow key={g.id} grid={g} />
      ))}
    </Card>
  )
}

/** 工作台: my roles, the work tiles (巡查 and 代办 for grid workers), and the grids I look after. */
export default function WorkerHomePage() {
  const { me, loading, error, reload } = useMe()
  usePullRefresh(refreshMe)
  if (!me) return <PageStatus loading={loading} error={error} onRetry={() => void reload()} />
  const tiles = workerGridIds(me.roles).length > 0 ? [INBOX, ...WORKER_TILES] : [INBOX]
  return (
    <View className="page">
      <Card title={`${me.nickname}的工作台`} extra={<RoleTags roles={me.roles.filter((r) => r.role !== 'resident')} />}>
        <Text className="para">这里汇集您负责网格的日常事务。</Text>
      </Card>
      <TileGrid tiles={tiles} />
      <MyGrids me={me} />
    </View>
  )
}
