import { Text, View } from '@tarojs/components'
import type { GridHome } from '../../../contract'
import { ROLE_LABELS } from '../../../copy/roles'
import './index.css'

/** Who else serves the grid: departments that entered it (入格部门) and the building heads (楼长). */
export function GridFacts({ grid }: { grid: GridHome }) {
  return (
    <View className="grid-facts">
      <View className="grid-facts__section">
        <Text className="grid-facts__title">微信群</Text>
        <Text id="grid-wxgroup" className="muted">
          {grid.wxGroupBound ? '本网格微信群已关联，群里分享的通知可直接打开' : '本网格微信群尚未关联'}
        </Text>
      </View>
      <View className="grid-facts__section">
        <Text className="grid-facts__title">入格部门</Text>
        {grid.departments.length === 0 ? <Text className="muted">暂无部门入格</Text> : null}
        <View className="grid-facts__chips">
          {grid.departments.map((d) => (
            <View key={d.id} id={`grid-dept-${d.id}`} className="grid-facts__chip">
              <Text className="grid-facts__chip-name">{d.name}</Text>
              {d.phoneMasked ? <Text className="grid-facts__chip-phone">{d.phoneMasked}</Text> : null}
            </View>
          ))}
        </View>
      </View>
      <View className="grid-facts__section">
        <Text className="grid-facts__title">{ROLE_LABELS.building_head}</Text>
        {grid.buildingHeads.length === 0 ? <Text className="muted">暂无楼长</Text> : null}
        {grid.buildingHeads.map((h) => (
          <View key={h.id} className="grid-facts__head">
            <Text className="grid-facts__head-name">{h.nickname}</Text>
            <Text className="muted">{h.phoneMasked ?? '未留电话'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
