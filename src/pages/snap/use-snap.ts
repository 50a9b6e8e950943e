import Taro from '@tarojs/taro'
import { useState } from 'react'
import { openOrder } from '../../components/orders/order-list'
import { actions, type ActionOutput, type LatLng } from '../../contract'
import { useReport, type CreateInput } from '../../hooks/orders/use-report'
import { useFieldErrors } from '../../hooks/use-field-errors'
import { call } from '../../services/api'
import type { PickedPhoto } from '../../services/upload'

type Duplicate = ActionOutput<'orders.suggestDuplicates'>['items'][number]

/** What the rider has put together so far. */
export function useSnapDraft() {
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [location, setLocation] = useState<LatLng | null>(null)
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const reset = () => {
    setPhotos([])
    setText('')
    setCategoryId(null)
  }
  return {
    photos,
    location,
    categoryId,
    text,
    anonymous,
    setPhotos,
    setLocation,
    setCategoryId,
    setText,
    setAnonymous,
    reset,
  }
}

export type SnapDraft = ReturnType<typeof useSnapDraft>

/** Reports of the same category nearby; the check is a courtesy, so a failure means none. */
async function nearbyDuplicates(order: CreateInput): Promise<Duplicate[]> {
  if (!order.location) return []
  try {
    return (await call('orders.suggestDuplicates', { categoryId: order.categoryId, location: order.location })).items
  } catch {
    return []
  }
}

type Errors = ReturnType<typeof useFieldErrors>

/** Filing the report (photos, then the order) or joining a nearby one; failures land in the form. */
function useFiling(draft: SnapDraft, ownerId: string, errors: Errors) {
  const report = useReport()
  const [busy, setBusy] = useState(false)

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } catch (err) {
      errors.fromError(err)
    } finally {
      setBusy(false)
    }
  }

  const file = (order: CreateInput) =>
    attempt(async () => {
      const created = await report.submit(order, draft.photos, ownerId)
      draft.reset()
      void Taro.showToast({ title: '已提交', icon: 'success' })
      openOrder(created.id)
    })

  const meToo = (orderId: string) =>
    attempt(async () => {
      await call('orders.metoo', { orderId })
      void Taro.showToast({ title: '已加入反映', icon: 'success' })
      openOrder(orderId)
    })

  return { busy, setBusy, progress: report.progress, file, meToo }
}

/**
 * Submitting a snap: the contract's orders.create schema checks the draft, nearby duplicates are offered
 * (我也遇到), and the report is filed with its photos.
 */
export function useSnapSubmit(draft: SnapDraft, ownerId: string) {
  const errors = useFieldErrors(['categoryId', 'text'], { categoryId: '问题分类' })
  const filing = useFiling(draft, ownerId, errors)
  const [duplicates, setDuplicates] = useState<{ order: CreateInput; items: Duplicate[] } | null>(null)

  const submit = async () => {
    const checked = errors.parse(actions['orders.create'].input, {
      source: 'snap',
      categoryId: draft.categoryId ?? undefined,
      text: draft.text,
      location: draft.location ?? undefined,
      anonymous: draft.anonymous,
      photos: [],
    })
    if (!checked) return
    const { photos: _none, ...order } = checked
    filing.setBusy(true)
    const items = await nearbyDuplicates(order)
    filing.setBusy(false)
    if (items.length) setDuplicates({ order, items })
    else await filing.file(order)
  }

  /** Leaves the duplicate sheet, then does what was chosen there. */
  const fromSheet = (then: () => Promise<void>) => {
    setDuplicates(null)
    return then()
  }

  return {
    errors,
    busy: filing.busy,
    progress: filing.progress,
    duplicates: duplicates?.items ?? null,
    submit,
    meToo: (orderId: string) => fromSheet(() => filing.meToo(orderId)),
    fileAnyway: () => fromSheet(() => (duplicates ? filing.file(duplicates.order) : Promise.resolve())),
    dismiss: () => setDuplicates(null),
  }
}
