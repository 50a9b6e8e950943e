import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { OrderSummary } from '../../../contract'
import { StateTags } from '../state-tag'
import './index.css'

interface OrderListProps {
  items: OrderSummary[]
  hasMore: boolean
  loadingMore: boolean
  moreError: string | null
  onLoadMore: () => void
  empty: string
  /** Show the deadline (staff lists) instead of the report time. */
  showDue?: boolean
}

export const openOrder = (id: string) => void Taro.navigateTo({ url: `/packages/orders/pages/detail/index?id=${id}` })

export function OrderList({ items, hasMore, loadingMore, moreError, onLoadMore, empty, showDue }: OrderListProps) {
  if (items.length === 0)
    return (
      <Text id="orders-empty" className="order-list__empty">
        {empty}
      </Text>
    )
  return (
    <View className="order-list">
      {items.map((o) => (
        <View
          key={o.id}
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
            <Text className="muted">
              {o.gridName ?? '街道待派单'}
              {o.departmentName ? ` · ${o.departmentName}` : ''} ·{' '}
              {showDue && o.dueAt
                ? `${dayjs(o.dueAt).format('MM-DD HH:mm')} 前`
                : dayjs(o.createdAt).format('MM-DD HH:mm')}
            </Text>
          </View>
        </View>
      ))}
      {moreError ? <Text className="order-list__error">{moreError}</Text> : null}
      {hasMore ? (
        <Button fill="none" block loading={loadingMore} onClick={onLoadMore}>
          加载更多
        </Button>
      ) : (
        <Text className="order-list__end">没有更多了</Text>
      )}
    </View>
  )
}
