import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { Tag } from '../../../../components/tag'
import { fileUrl } from '../../../../copy/desk'
import { useQuery } from '../../../../hooks/use-query'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** 楼长: the residents of my building (phones masked), to pass notices on and to report for a neighbour. */
export default function BuildingPage() {
  const gridId = useRouter().params.gridId ?? ''
  const building = useQuery(useCallback(() => call('desk.building', { gridId }), [gridId]))
  usePullRefresh(building.reload)
  const data = building.data
  if (!data)
    return (
      <PageStatus
        loading={building.loading}
        error={building.error}
        code={building.errorCode}
        onRetry={() => void building.reload()}
      />
    )
  const proxyFor = (membershipId: string) =>
    void Taro.navigateTo({ url: `${fileUrl('proxy')}&gridId=${gridId}&resident=${membershipId}` })
  return (
    <PageRoot className="page">
      <Card title={`${data.gridName} · ${data.building}号楼`}>
        <Text className="para">{`本楼已登记 ${data.items.length} 户。通知可以由您转告邻居；邻居不会用手机时，可以替他上报。`}</Text>
      </Card>
      <Card title="住户">
        {data.items.length === 0 ? <Text className="muted">本楼还没有登记的住户</Text> : null}
        {data.items.map((m) => (
          <View key={m.id} id={`neighbour-${m.id}`} className="building__row">
            <View className="building__main">
              <View className="building__name">
                <Text className="building__name-text">{m.name}</Text>
                {m.isBuildingHead ? <Tag text="楼长" /> : null}
                {m.offline ? <Tag text="无手机" tone="grey" /> : null}
              </View>
              <Text className="muted">{`${m.unit}单元 ${m.room}${m.phoneMasked ? ` · ${m.phoneMasked}` : ''}`}</Text>
            </View>
            {m.isBuildingHead ? null : (
              <Button id={`proxy-for-${m.id}`} size="small" fill="outline" onClick={() => proxyFor(m.id)}>
                替他上报
              </Button>
            )}
          </View>
        ))}
      </Card>
    </PageRoot>
  )
}
