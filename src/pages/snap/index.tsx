import { Switch, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { ActionOutput, LatLng } from '../../contract'
import { Card } from '../../components/card'
import { PageStatus } from '../../components/page-status'
import { CategoryChips } from '../../components/orders/category-chips'
import { PhotoPicker } from '../../components/orders/photo-picker'
import { openOrder } from '../../components/orders/order-list'
import { useMe } from '../../hooks/use-me'
import { useQuery } from '../../hooks/use-query'
import { useReport } from '../../hooks/orders/use-report'
import { call } from '../../services/api'
import { userMessage } from '../../services/call-error'
import type { PickedPhoto } from '../../services/upload'
import { LocationField } from './location-field'
import { DuplicateSheet } from './duplicate-sheet'
import './index.css'

type Duplicates = ActionOutput<'orders.suggestDuplicates'>['items']

export default function SnapPage() {
  const me = useMe()
  const categories = useQuery(useCallback(() => call('categories.list', {}), []))
  const report = useReport()
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [location, setLocation] = useState<LatLng | null>(null)
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null)
  const [busy, setBusy] = useState(false)

  if (!me.data || !categories.data) {
    return (
      <PageStatus
        loading={me.loading || categories.loading}
        error={me.error ?? categories.error}
        onRetry={() => void Promise.all([me.reload(), categories.reload()])}
      />
    )
  }
  const ownerId = me.data.id

  const file = async () => {
    if (!categoryId || !location) return
    setBusy(true)
    try {
      const order = await report.submit(
        { source: 'snap', categoryId, text: text.trim(), location, anonymous },
        photos,
        ownerId,
      )
      setDuplicates(null)
      setPhotos([])
      setText('')
      setCategoryId(null)
      void Taro.showToast({ title: '已提交', icon: 'success' })
      openOrder(order.id)
    } catch (err) {
      setDuplicates(null)
      setProblem(userMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const submit = async () => {
    setProblem(null)
    if (!categoryId) return setProblem('请选择问题分类')
    if (!location) return setProblem('需要位置信息：请允许定位，或手动填写位置')
    if (!photos.length && !text.trim()) return setProblem('请拍照或写一句描述')
    setBusy(true)
    try {
      const found = await call('orders.suggestDuplicates', { categoryId, location })
      setBusy(false)
      if (found.items.length) return setDuplicates(found.items)
    } catch {
      setBusy(false) // the check is a courtesy: if it fails, file the report anyway
    }
    await file()
  }

  const meToo = async (orderId: string) => {
    setBusy(true)
    try {
      await call('orders.metoo', { orderId })
      setDuplicates(null)
      void Taro.showToast({ title: '已加入反映', icon: 'success' })
      openOrder(orderId)
    } catch (err) {
      setProblem(userMessage(err))
      setDuplicates(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page snap">
      <Card title="随手拍">
        <Text className="muted">拍下隐患或不文明现象，按位置自动送到所在网格。</Text>
        <View className="snap__block">
          <PhotoPicker id="snap-photo" photos={photos} max={3} onChange={setPhotos} />
        </View>
        <LocationField value={location} onChange={setLocation} />
      </Card>
      <Card title="问题分类">
        <CategoryChips
          items={categories.data.items.filter((c) => c.active)}
          value={categoryId}
          onChange={setCategoryId}
        />
      </Card>
      <Card title="补充说明（可选）">
        <Textarea
          id="snap-text"
          className="snap__textarea"
          maxlength={300}
          placeholder="如：南张社区3号楼东侧僵尸车占道"
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <View className="snap__anon">
          <Text>匿名上报（仅工作人员可见姓名）</Text>
          <Switch id="snap-anon" checked={anonymous} color="#e53029" onChange={(e) => setAnonymous(e.detail.value)} />
        </View>
      </Card>
      {problem ? (
        <Text id="snap-error" className="snap__error">
          {problem}
        </Text>
      ) : null}
      <Button id="snap-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        {report.progress ?? '提交'}
      </Button>
      <Button
        className="snap__mine"
        fill="none"
        block
        onClick={() => void Taro.navigateTo({ url: '/packages/orders/pages/mine/index' })}
      >
        查看我的上报
      </Button>
      {duplicates ? (
        <DuplicateSheet
          items={duplicates}
          busy={busy}
          onMeToo={(id) => void meToo(id)}
          onSubmitAnyway={() => void file()}
          onCancel={() => setDuplicates(null)}
        />
      ) : null}
    </View>
  )
}
