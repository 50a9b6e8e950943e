import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions, type LatLng } from '../../../../contract'
import { useReport } from '../../../../hooks/orders/use-report'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import type { PickedPhoto } from '../../../../services/upload'

export type Source = 'demand' | 'patrol' | 'proxy'

export interface CreateDraft {
  source: Source
  categoryId: string | null
  text: string
  photos: PickedPhoto[]
  location: LatLng | null
  gridId: string | null
  resident: string | null
}

const SHOWN = ['categoryId', 'text', 'gridId', 'onBehalfOf'] as const
const LABELS = { categoryId: '问题分类', gridId: '网格', onBehalfOf: '代办的住户' }

/** 提交: orders.create's schema checks the draft; the handler adds its own rules (grid, resident). */
export function useCreateOrder(ownerId: string) {
  const report = useReport()
  const errors = useFieldErrors(SHOWN, LABELS)
  const [busy, setBusy] = useState(false)

  const submit = async (draft: CreateDraft) => {
    const checked = errors.parse(actions['orders.create'].input, {
      source: draft.source,
      categoryId: draft.categoryId ?? undefined,
      text: draft.text,
      location: draft.location ?? undefined,
      gridId: draft.source === 'demand' ? undefined : (draft.gridId ?? undefined),
      onBehalfOf: draft.source === 'proxy' ? (draft.resident ?? undefined) : undefined,
      photos: [],
    })
    if (!checked) return
    const { photos: _none, ...order } = checked
    setBusy(true)
    try {
      const created = await report.submit(order, draft.photos, ownerId)
      void Taro.showToast({ title: '已登记', icon: 'success' })
      void Taro.redirectTo({ url: `/packages/orders/pages/detail/index?id=${created.id}` })
    } catch (err) {
      errors.fromError(err)
    } finally {
      setBusy(false)
    }
  }

  return { submit, busy, progress: report.progress, errors }
}
