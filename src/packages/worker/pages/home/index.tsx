import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { Card } from '../../../../components/card'
import { workTiles } from '../../../../components/desk/work-home'
import { PageStatus } from '../../../../components/page-status'
import { RoleTags } from '../../../../components/role-tags'
import { TileGrid } from '../../../../components/tile-grid'
import type { Desk, MeView } from '../../../../contract'
import { stationTitle } from '../../../../copy/desk'
import { useGrids } from '../../../../hooks/grids/use-grids'
import { useDesk } from '../../../../hooks/use-desk'
import { useMe } from '../../../../hooks/use-me'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { staffGridIds } from '../../../../services/areas'
import { WorkerGridRow } from './grid-row'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** Grids the person serves as 网格员 or 楼长, with the poster and records for those they manage. */
function MyGrids({ me }: { me: MeView }) {
  const ids = staffGridIds(me.roles)
  const grids = useGrids(ids)
  usePullRefresh(grids.reload)
  if (!ids.length) return null
  if (!grids.data) return <PageStatus loading={grids.loading} error={grids.error} onRetry={() => void grids.reload()} />
  return (
    <Card title="我负责的网格">
      {grids.data.map((g) => (
        <WorkerGridRow key={g.id} grid={g} />
      ))}
    </Card>
  )
}

/** A department's grids: where it has entered (入格) and may file 巡查; transferred orders arrive in 待办. */
function DepartmentGrids({ desk }: { desk: Desk }) {
  return (
    <>
      {desk.departments.map((d) => (
        <Card key={d.id} title={`${d.name}入格网格（${d.grids.length} 个）`}>
          {d.grids.length ? (
            <View className="desk-dept-grids">
              {d.grids.map((g) => (
                <Text key={g.id} id={`dept-grid-${g.id}`} className="desk-dept-grids__item">
                  {g.name}
                </Text>
              ))}
            </View>
          ) : (
            <Text className="para">本部门还没有入格的网格，请联系街道管理员安排入格。</Text>
          )}
        </Card>
      ))}
    </>
  )
}

/** 工作台: named for the department or the role, the entries the roles use, and the places served. */
export default function WorkerHomePage() {
  const { me, loading, error, reload } = useMe()
  const desk = useDesk(true)
  usePullRefresh(desk.reload)
  const title = desk.data ? stationTitle(desk.data) : null
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title })
  }, [title])
  if (!me || !desk.data)
    return (
      <PageStatus
        loading={loading || desk.loading}
        error={error ?? desk.error}
        onRetry={() => void Promise.all([reload(), desk.reload()])}
      />
    )
  return (
    <PageRoot className="page">
      <Card
        title={`${me.nickname}的${title ?? '工作台'}`}
        extra={<RoleTags roles={me.roles.filter((r) => r.role !== 'resident')} />}
      >
        <Text className="para">
          {desk.data.departments.length && !desk.data.grids.length
            ? '转派给本部门的工单在“待办工单”中办理，也可以在入格网格登记巡查发现的问题。'
            : '这里汇集您负责网格的日常事务。'}
        </Text>
      </Card>
      <TileGrid tiles={workTiles(desk.data, me.roles, true)} />
      <MyGrids me={me} />
      <DepartmentGrids desk={desk.data} />
    </PageRoot>
  )
}
