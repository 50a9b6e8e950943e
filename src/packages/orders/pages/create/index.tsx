import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { LatLng } from '../../../../contract'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { CategoryChips } from '../../../../components/orders/category-chips'
import { PhotoPicker } from '../../../../components/orders/photo-picker'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { useReport } from '../../../../hooks/orders/use-report'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { locateDevice } from '../../../../services/location'
import type { PickedPhoto } from '../../../../services/upload'
import { ResidentPicker } from './resident-picker'
import { GridChips } from './grid-chips'
import '../detail/index.css'
import './index.css'

type Source = 'demand' | 'patrol' | 'proxy'
const SOURCES: { id: Source; label: string; hint: string; staff: boolean }[] = [
  { id: 'demand', label: '诉求', hint: '向网格反映需要解决的问题', staff: false },
  { id: 'patrol', label: '巡查', hint: '网格员巡查中发现的问题', staff: true },
  { id: 'proxy', label: '代办', hint: '为不会用手机的居民登记', staff: true },
]

/** 诉求 / 巡查 / 代办: like 随手拍, but the grid comes from home or from the worker's choice. */
export default function CreateOrderPage() {
  const params = useRouter().params
  const me = useMe()
  const categories = useQuery(useCallback(() => call('categories.list', {}), []))
  const report = useReport()
  const [source, setSource] = useState<Source>(
    params.source === 'patrol' || params.source === 'proxy' ? params.source : 'demand',
  )
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [location, setLocation] = useState<LatLng | null>(null)
  const [gridId, setGridId] = useState<string | null>(null)
  const [resident, setResident] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!me.data || !categories.data)
    return (
      <PageStatus
        loading={me.loading || categories.loading}
        error={me.error ?? categories.error}
        onRetry={() => void me.reload()}
      />
    )
  const myGrids = me.data.roles.flatMap((r) => (r.role === 'grid_worker' ? (r.gridIds ?? []) : []))
  const sources = SOURCES.filter((s) => !s.staff || myGrids.length > 0)
  const ownerId = me.data.id

  const submit = async () => {
    setProblem(null)
    if (!categoryId) return setProblem('请选择问题分类')
    if (!text.trim()) return setProblem('请写明需要解决的问题')
    if (source !== 'demand' && !gridId) return setProblem('请选择网格')
    if (source === 'proxy' && !resident) return setProblem('请选择代办的住户')
    setBusy(true)
    try {
      const order = await report.submit(
        {
          source,
          categoryId,
          text: text.trim(),
          location: location ?? undefined,
          gridId: gridId ?? undefined,
          onBehalfOf: resident ?? undefined,
        },
        photos,
        ownerId,
      )
      void Taro.showToast({ title: '已登记', icon: 'success' })
      void Taro.redirectTo({ url: `/packages/orders/pages/detail/index?id=${order.id}` })
    } catch (err) {
      setProblem(userMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page order-create">
      <Card title="登记类型">
        <View className="order-form__chips">
          {sources.map((s) => (
            <Text
              key={s.id}
              id={`source-${s.id}`}
              className={`order-form__chip ${source === s.id ? 'order-form__chip--on' : ''}`}
              onClick={() => setSource(s.id)}
            >
              {s.label}
            </Text>
          ))}
        </View>
        <Text className="muted order-create__hint">{SOURCES.find((s) => s.id === source)?.hint}</Text>
        {source !== 'demand' ? <GridChips gridIds={myGrids} value={gridId} onChange={setGridId} /> : null}
        {source === 'proxy' && gridId ? (
          <ResidentPicker gridId={gridId} value={resident} onChange={setResident} />
        ) : null}
      </Card>
      <Card title="问题分类">
        <CategoryChips
          items={categories.data.items.filter((c) => c.active)}
          value={categoryId}
          onChange={setCategoryId}
        />
      </Card>
      <Card title="问题描述">
        <Textarea
          id="create-text"
          className="order-form__text"
          maxlength={300}
          placeholder="请写明问题、地点和诉求"
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <View className="order-create__block">
          <PhotoPicker id="create-photo" photos={photos} max={3} onChange={setPhotos} />
        </View>
        <View className="order-create__row">
          <Text className="muted">
            {location ? `已附位置 ${location.lat.toFixed(4)}, ${location.lng.toFixed(4)}` : '位置（可选）'}
          </Text>
          <Button
            size="small"
            fill="outline"
            onClick={() => void locateDevice().then((r) => (r.ok ? setLocation(r.at) : setProblem(r.reason)))}
          >
            附上当前位置
          </Button>
        </View>
      </Card>
      {problem ? (
        <Text id="create-error" className="order-create__error">
          {problem}
        </Text>
      ) : null}
      <Button id="create-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        {report.progress ?? '提交'}
      </Button>
    </View>
  )
}
