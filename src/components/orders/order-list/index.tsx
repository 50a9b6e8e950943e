import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { OrderSummary } from '../../../contract'
import type { PagedState } from '../../../hooks/use-paged'
import { PagedList } from '../../paged-list'
import { StateTags } from '../state-tags'
import './index.css'

interface OrderListProps {
  list: PagedState<OrderSummary>
  empty: string
  /** Show the deadline (staff lists) instead of the report time. */
  showDue?: boolean
}

export const openOrder = (id: string) => void Taro.navigateTo({ url: `/packages/orders/pages/detail/index?id=${id}` })

/** Orders 20 a page; tap one for its detail and timeline. */
export function OrderList({ list, empty, showDue = false }: OrderListProps) {
  return (
    <PagedList
      list={list}
      empty={empty}
      emptyId="orders-empty"
      renderItem={(o) => <OrderRow key={o.id} order={o} showDue={showDue} />}
    />
  )
}

export function OrderRow({ order: o, showDue }: { order: OrderSummary; showDue: boolean }) {
  const when =
    showDue && o.dueAt ? `${dayjs(o.dueAt).format('MM-DD HH:mm')} 前` : dayjs(o.createdAt).format('MM-DD HH:mm')
  const where = [o.gridName ?? '街道待派单', o.departmentName, when].filter(Boolean).join(' · ')
  return (
    <View
      id={`order-${o.id}`}
      className="order-list__item"
      hoverClass="order-list__item--pressed"
      onClick={() => openOrder(o.id)}
    >
      {o.photoUrl ? (
        <Image className="order-list__photo" src={o.photoUrl} mode="aspectFill" />
      ) : (
        <View className="order-list__photo order-list__photo--none">{o.categoryName.slice(0, 1)}</View>
      )}
      <View className="order-list__body">
        <View className="order-list__top">
          <Text className="order-list__category">{o.categoryName}</Text>
          <StateTags order={o} />
        </View>
        <Text className="order-list__text">{o.text || '（无文字描述）'}</Text>
        {o.onBehalf ? <Text className="muted">{`代办：${o.onBehalf.name} · ${o.onBehalf.address}`}</Text> : null}
        <Text className="muted">{where}</Text>
      </View>
    </View>
  )
}
