import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { RoleTags } from '../../../../components/role-tags'
import type { GridHome, MeView } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { staffGridIds } from '../../../../services/areas'
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

const NEXT_STEPS = [
  '工单：接收派单、接单、办理、上传办结照片、回访',
  '网格群：发布通知和明白纸，答复居民提问',
  '代办：为不方便使用手机的居民登记诉求',
]

export default function WorkerHomePage() {
  const desk = useQuery(useCallback(loadDesk, []))
  if (!desk.data) return <PageStatus loading={desk.loading} error={desk.error} onRetry={() => void desk.reload()} />
  const { me, grids } = desk.data
  return (
    <View className='page'>
      <Card title={`${me.nickname}的工作台`} extra={<RoleTags roles={me.roles.filter((r) => r.role !== 'resident')} />}>
        <Text className='para'>这里汇集您负责网格的日常事务。</Text>
      </Card>
      <Card title='我负责的网格'>
        {grids.length === 0 ? <Text className='para'>您当前没有分管的网格。部门人员的入格网格由街道统一安排，安排后会显示在这里。</Text> : null}
        {grids.map((g) => (
          <View key={g.id} id={`worker-grid-${g.id}`} className='desk-grid'>
            <View className='desk-grid__main'>
              <Text className='desk-grid__name'>{g.name}</Text>
              <Text className='desk-grid__meta'>{`${g.communityName} · 编号 ${g.code}`}</Text>
            </View>
            <View className='desk-grid__count'>
              <Text className='desk-grid__num'>{g.memberCount}</Text>
              <Text className='desk-grid__unit'>位居民</Text>
            </View>
          </View>
        ))}
      </Card>
      <Card title='接下来'>
        {NEXT_STEPS.map((s) => (
          <Text key={s} className='para desk-next'>{`· ${s}`}</Text>
        ))}
      </Card>
    </View>
  )
}
