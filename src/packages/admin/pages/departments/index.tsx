import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { DepartmentEditor } from './department-editor'
import { NewDepartment } from './new-department'
import './index.css'

async function loadDesk() {
  const [departments, tree, me] = await Promise.all([
    call('departments.list', {}),
    call('grids.tree', {}),
    call('me.get', {}),
  ])
  const grids = tree.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.filter((g) => !g.archived)))
  return { departments: departments.items, grids, streetAdmin: me.roles.some((r) => r.role === 'street_admin') }
}

/** 部门入格: which departments have entered which grids, so residents' questions reach them at once. */
export default function DepartmentsPage() {
  const desk = useQuery(useCallback(loadDesk, []))
  const [openId, setOpenId] = useState<string | null>(null)
  if (!desk.data) return <PageStatus loading={desk.loading} error={desk.error} onRetry={() => void desk.reload()} />
  const { departments, grids, streetAdmin } = desk.data
  const nameOf = (id: string) => grids.find((g) => g.id === id)?.name
  return (
    <View className="page">
      <Card title="部门与入格网格" extra={<Text className="muted">点部门调整</Text>}>
        {departments.length === 0 ? <Text className="para">还没有部门。</Text> : null}
        {departments.map((d) => {
          const names = d.gridIds.flatMap((id) => nameOf(id) ?? [])
          return (
            <View key={d.id} className="dept">
              <View
                id={`dept-${d.id}`}
                className="dept__head"
                hoverClass="dept__head--pressed"
                onClick={() => setOpenId(openId === d.id ? null : d.id)}
              >
                <View className="dept__main">
                  <Text className="dept__name">
                    {d.field && d.field !== d.name ? `${d.name} · ${d.field}` : d.name}
                  </Text>
                  <Text className="dept__grids">{names.length ? `已入格：${names.join('、')}` : '尚未入格'}</Text>
                </View>
                <Text className="dept__count">{`${names.length} 个网格`}</Text>
              </View>
              {openId === d.id ? (
                <DepartmentEditor department={d} grids={grids} onChanged={() => void desk.reload()} />
              ) : null}
            </View>
          )
        })}
      </Card>
      {streetAdmin ? <NewDepartment onCreated={() => void desk.reload()} /> : null}
    </View>
  )
}
