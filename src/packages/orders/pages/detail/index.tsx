import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import type { OrderDetail } from '../../../../contract'
import { EVENT_LABELS, RATING_LABELS, SOURCE_LABELS } from '../../../../copy/orders'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { StateTags } from '../../../../components/orders/state-tag'
import { Timeline } from '../../../../components/orders/timeline'
import { useAction } from '../../../../hooks/use-action'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { EventForm, type OrderEventInput } from './event-form'
import './index.css'

const DIRECT: OrderDetail['can'][number][] = ['accept']

export default function OrderDetailPage() {
  const id = useRouter().params.id ?? ''
  const order = useQuery(useCallback(() => call('orders.get', { orderId: id }), [id]))
  const me = useMe()
  const act = useAction('orders.act')
  const [open, setOpen] = useState<OrderDetail['can'][number] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  if (!order.data || !me.data)
    return (
      <PageStatus
        loading={order.loading || me.loading}
        error={order.error ?? me.error}
        onRetry={() => void order.reload()}
      />
    )
  const o = order.data

  const run = async (event: OrderEventInput) => {
    setProblem(null)
    try {
      order.setData(await act.run({ orderId: o.id, event }))
      setOpen(null)
      void Taro.showToast({ title: '已完成', icon: 'success' })
    } catch (err) {
      setProblem(userMessage(err))
      void order.reload()
    }
  }

  return (
    <View className="page order-detail">
      <Card>
        <View className="order-detail__head">
          <Text id="order-category" className="order-detail__category">
            {o.categoryName}
          </Text>
          <StateTags order={o} />
        </View>
        <Text className="muted">
          {SOURCE_LABELS[o.source]} · 编号 {o.no} · {dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')} · 上报人{' '}
          {o.reporterName}
        </Text>
        {o.text ? <Text className="order-detail__text">{o.text}</Text> : null}
        {o.photoUrls.length ? (
          <View className="order-detail__photos">
            {o.photoUrls.map((u) => (
              <Image
                key={u}
                className="order-detail__photo"
                src={u}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ urls: o.photoUrls, current: u })}
              />
            ))}
          </View>
        ) : null}
        <View className="order-detail__facts">
          <Text id="order-place">
            办理单位：{o.departmentName ?? o.gridName ?? '街道待派单'}
            {o.jointDepartmentNames.length ? `（联合：${o.jointDepartmentNames.join('、')}）` : ''}
          </Text>
          {o.location ? (
            <Text>
              位置：{o.location.lat.toFixed(5)}, {o.location.lng.toFixed(5)}
              {o.address ? ` · ${o.address}` : ''}
            </Text>
          ) : null}
          {o.location && process.env.TARO_ENV === 'weapp' ? (
            <Button
              size="small"
              fill="outline"
              onClick={() =>
                void Taro.openLocation({
                  latitude: o.location?.lat ?? 0,
                  longitude: o.location?.lng ?? 0,
                  name: o.categoryName,
                  address: o.address || o.gridName || '',
                })
              }
            >
              在地图中查看
            </Button>
          ) : null}
          {o.dueAt ? (
            <Text className={o.overdue ? 'order-detail__late' : ''}>
              办理时限：{dayjs(o.dueAt).format('MM-DD HH:mm')} 前{o.overdue ? '（已超期）' : ''}
            </Text>
          ) : null}
          {o.rating ? (
            <Text>
              评价：{RATING_LABELS[o.rating]}
              {o.ratingComment ? ` · ${o.ratingComment}` : ''}
            </Text>
          ) : null}
          {o.autoClosed ? <Text>7 天未评价，系统已自动办结</Text> : null}
          {o.rejectReason ? <Text>退回理由：{o.rejectReason}</Text> : null}
        </View>
      </Card>
      {o.can.length ? (
        <Card title="办理">
          {open ? (
            <EventForm
              type={open}
              order={o}
              ownerId={me.data.id}
              busy={act.pending}
              onSubmit={(e) => void run(e)}
              onCancel={() => setOpen(null)}
            />
          ) : (
            <View className="order-detail__actions">
              {o.can.map((e) => (
                <Button
                  key={e}
                  id={`act-${e}`}
                  type={e === 'accept' || e === 'resolve' || e === 'rate' ? 'primary' : 'default'}
                  loading={act.pending && DIRECT.includes(e)}
                  onClick={() => (DIRECT.includes(e) ? void run({ type: 'accept' }) : setOpen(e))}
                >
                  {EVENT_LABELS[e]}
                </Button>
              ))}
            </View>
          )}
          {problem ? (
            <Text id="order-error" className="order-detail__error">
              {problem}
            </Text>
          ) : null}
        </Card>
      ) : null}
      <Card title="办理进度">
        <Timeline items={o.timeline} />
      </Card>
    </View>
  )
}
