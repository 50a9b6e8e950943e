import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { isStreetAdmin } from '../../../../services/areas'
import { DepartmentEditor, type Department, type Grid } from './department-editor'
import { NewDepartment } from './new-department'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

async function loadDesk() {
  const [departments, tree] = await Promise.all([call('departments.list', {}), call('grids.tree', {})])
  const grids = tree.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.filter((g) => !g.archived)))
  return { departments: departments.items, grids }
}

interface DepartmentRowProps {
  department: Department
  grids: Grid[]
  open: boolean
  onToggle: () => void
  onChanged: () => void
}

/** One department: the grids it has entered; tap to pick grids to enter or leave. */
function DepartmentRow({ department: d, grids, open, onToggle, onChanged }: DepartmentRowProps) {
  const names = d.gridIds.flatMap((id) => grids.find((g) => g.id === id)?.name ?? [])
  return (
    <View className="dept">
      <View id={`dept-${d.id}`} className="dept__head" hoverClass="dept__head--pressed" onClick={onToggle}>
        <View className="dept__main">
          <Text className="dept__name">{d.field && d.field !== d.name ? `${d.name} · ${d.field}` : d.name}</Text>
          <Text className="dept__grids">{names.length ? `已入格：${names.join('、')}` : '尚未入格'}</Text>
        </View>
        <Text className="dept__count">{`${names.length} 个网格`}</Text>
      </View>
      {open ? <DepartmentEditor department={d} grids={grids} onChanged={onChanged} /> : null}
    </View>
  )
}

/** 部门入格: which departments have entered which grids, so residents' questions reach them at once. */
export default function DepartmentsPage() {
  const desk = useQuery(useCallback(loadDesk, []))
  const { me } = useMe()
  const [openId, setOpenId] = useState<string | null>(null)
  if (!desk.data) return <PageStatus loading={desk.loading} error={desk.error} onRetry={() => void desk.reload()} />
  const { departments, grids } = desk.data
  const reload = () => void desk.reload()
  return (
    <PageRoot className="page">
      <Card title="部门与入格网格" extra={<Text className="muted">点部门调整</Text>}>
        {departments.length === 0 ? <Text className="para">还没有部门。</Text> : null}
        {departments.map((d) => (
          <DepartmentRow
            key={d.id}
            department={d}
            grids={grids}
            open={openId === d.id}
            onToggle={() => setOpenId(openId === d.id ? null : d.id)}
            onChanged={reload}
          />
        ))}
      </Card>
      {me && isStreetAdmin(me.roles) ? <NewDepartment onCreated={reload} /> : null}
    </PageRoot>
  )
}
