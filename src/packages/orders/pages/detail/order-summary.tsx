import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { Card } from '../../../../components/card'
import { StateTags } from '../../../../components/orders/state-tags'
import { MapSketch } from '../../../../components/map-sketch'
import type { OrderDetail } from '../../../../contract'
import { RATING_LABELS, SOURCE_LABELS } from '../../../../copy/orders'

function Photos({ urls, className }: { urls: string[]; className: string }) {
  if (!urls.length) return null
  return (
    <View className="order-detail__photos">
      {urls.map((u) => (
        <Image
          key={u}
          className={className}
          src={u}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls, current: u })}
        />
      ))}
    </View>
  )
}

/** Who handles it, where, by when, and how it ended. */
function Facts({ o }: { o: OrderDetail }) {
  const joint = o.jointDepartmentNames.length ? `（联合：${o.jointDepartmentNames.join('、')}）` : ''
  return (
    <View className="order-detail__facts">
      <Text id="order-place">{`办理单位：${o.departmentName ?? o.gridName ?? '街道待派单'}${joint}`}</Text>
      {o.onBehalf ? <Text id="order-on-behalf">{`代办住户：${o.onBehalf.name} · ${o.onBehalf.address}`}</Text> : null}
      {o.location ? (
        <MapSketch
          id="order-map"
          gridId={o.gridId}
          point={o.location}
          title={o.categoryName}
          caption={`位置：${o.placeText ?? '已标注'}${o.address ? ` · ${o.address}` : ''}`}
        />
      ) : o.address ? (
        <Text>{`位置：${o.address}`}</Text>
      ) : null}
      {o.dueAt ? (
        <Text className={o.overdue ? 'order-detail__late' : ''}>
          {`办理时限：${dayjs(o.dueAt).format('MM-DD HH:mm')} 前${o.overdue ? '（已超期）' : ''}`}
        </Text>
      ) : null}
      {o.rating ? (
        <Text>{`评价：${RATING_LABELS[o.rating]}${o.ratingComment ? ` · ${o.ratingComment}` : ''}`}</Text>
      ) : null}
      {o.autoClosed ? <Text>7 天未评价，系统已自动办结</Text> : null}
      {o.rejectReason ? <Text>{`退回理由：${o.rejectReason}`}</Text> : null}
    </View>
  )
}

/** What was reported, by whom, and where it stands. */
export function Summary({ o }: { o: OrderDetail }) {
  const when = dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')
  return (
    <Card>
      <View className="order-detail__head">
        <Text id="order-category" className="order-detail__category">
          {o.categoryName}
        </Text>
        <StateTags order={o} />
      </View>
      <Text className="muted">{`${SOURCE_LABELS[o.source]} · 编号 ${o.no} · ${when} · 上报人 ${o.reporterName}`}</Text>
      {o.text ? <Text className="order-detail__text">{o.text}</Text> : null}
      <Photos urls={o.photoUrls} className="order-detail__photo" />
      <Facts o={o} />
    </Card>
  )
}
