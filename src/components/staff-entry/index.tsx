import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoleGrant } from '../../contract'
import { ADMIN_HOME, WORKER_HOME, hasAdminArea, hasWorkerArea } from '../../services/areas'
import './index.css'

interface Entry {
  id: string
  title: string
  hint: string
  url: string
}

/** Links to the role areas; rendered only for people who hold a staff or admin role. */
export function StaffEntry({ roles }: { roles: RoleGrant[] }) {
  const entries: Entry[] = [
    ...(hasWorkerArea(roles)
      ? [{ id: 'entry-worker', title: '工作台', hint: '网格事务与居民服务', url: WORKER_HOME }]
      : []),
    ...(hasAdminArea(roles)
      ? [{ id: 'entry-admin', title: '管理后台', hint: '网格、人员与督办', url: ADMIN_HOME }]
      : []),
  ]
  if (entries.length === 0) return null
  return (
    <View className="staff-entry">
      {entries.map((e) => (
        <View
          key={e.id}
          id={e.id}
          className="staff-entry__row"
          hoverClass="staff-entry__row--pressed"
          onClick={() => void Taro.navigateTo({ url: e.url })}
        >
          <View className="staff-entry__text">
            <Text className="staff-entry__title">{e.title}</Text>
            <Text className="staff-entry__hint">{e.hint}</Text>
          </View>
          <Text className="staff-entry__arrow">›</Text>
        </View>
      ))}
    </View>
  )
}
