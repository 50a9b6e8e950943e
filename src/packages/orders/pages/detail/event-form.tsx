import { Switch, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useCallback, useState } from 'react'
import type { ActionInput, OrderDetail } from '../../../../contract'
import { EVENT_LABELS, RATING_LABELS } from '../../../../copy/orders'
import { PhotoPicker } from '../../../../components/orders/photo-picker'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { uploadPhoto, type PickedPhoto } from '../../../../services/upload'
import { TargetPicker } from './target-picker'

export type OrderEventInput = ActionInput<'orders.act'>['event']
type EventType = OrderDetail['can'][number]

interface EventFormProps {
  type: EventType
  order: OrderDetail
  ownerId: string
  busy: boolean
  onSubmit: (event: OrderEventInput) => void
  onCancel: () => void
}

const NEEDS_TEXT: Partial<Record<EventType, string>> = {
  note: '进展说明',
  reject: '退回理由（上报人可见）',
  transfer: '转派理由',
  remind: '督办要求（可选）',
  resolve: '处理情况（没有照片时必填，至少 5 个字）',
  rate: '评价说明（可选）',
}

/** The small form behind one action button; the server still checks everything. */
export function EventForm({ type, order, ownerId, busy, onSubmit, onCancel }: EventFormProps) {
  const [note, setNote] = useState('')
  const [staffOnly, setStaffOnly] = useState(false)
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [target, setTarget] = useState<{
    gridId?: string
    departmentId?: string
    departmentIds?: string[]
    intoOrderId?: string
  }>({})
  const [uploading, setUploading] = useState(false)
  const departments = useQuery(
    useCallback(
      () =>
        ['transfer', 'assign_joint'].includes(type) ? call('departments.list', {}) : Promise.resolve({ items: [] }),
      [type],
    ),
  )

  const submit = async (rating?: keyof typeof RATING_LABELS) => {
    switch (type) {
      case 'note':
        return onSubmit({ type, note, staffOnly })
      case 'reject':
        return onSubmit({ type, reason: note })
      case 'remind':
        return onSubmit({ type, note })
      case 'transfer':
        return onSubmit({ type, reason: note, departmentId: target.departmentId, gridId: target.gridId })
      case 'dispatch':
        return onSubmit({ type, gridId: target.gridId, departmentId: target.departmentId })
      case 'assign_joint':
        return onSubmit({ type, departmentIds: target.departmentIds ?? [] })
      case 'merge':
        return target.intoOrderId ? onSubmit({ type, intoOrderId: target.intoOrderId }) : undefined
      case 'rate':
        return rating ? onSubmit({ type, rating, comment: note }) : undefined
      case 'resolve': {
        setUploading(true)
        try {
          const ids = await Promise.all(photos.map((p) => uploadPhoto(p, ownerId)))
          return onSubmit({ type, note, photos: ids })
        } finally {
          setUploading(false)
        }
      }
      case 'accept':
        return onSubmit({ type })
      case 'start':
        return onSubmit({ type, note })
    }
  }

  return (
    <View id={`form-${type}`} className="order-form">
      <Text className="card__title">{EVENT_LABELS[type]}</Text>
      {type === 'resolve' ? <PhotoPicker id="resolve-photo" photos={photos} max={3} onChange={setPhotos} /> : null}
      {['transfer', 'dispatch', 'assign_joint', 'merge'].includes(type) ? (
        <TargetPicker
          type={type}
          order={order}
          departments={departments.data?.items ?? []}
          value={target}
          onChange={setTarget}
        />
      ) : null}
      {NEEDS_TEXT[type] ? (
        <Textarea
          id="form-text"
          className="order-form__text"
          maxlength={300}
          placeholder={NEEDS_TEXT[type]}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
      ) : null}
      {type === 'note' ? (
        <View className="order-form__row">
          <Text className="muted">仅工作人员可见</Text>
          <Switch checked={staffOnly} color="#e53029" onChange={(e) => setStaffOnly(e.detail.value)} />
        </View>
      ) : null}
      <View className="order-form__actions">
        <Button fill="outline" disabled={busy} onClick={onCancel}>
          取消
        </Button>
        {type === 'rate' ? (
          (Object.keys(RATING_LABELS) as (keyof typeof RATING_LABELS)[]).map((r) => (
            <Button
              key={r}
              id={`rate-${r}`}
              type={r === 'unsatisfied' ? 'default' : 'primary'}
              loading={busy}
              onClick={() => void submit(r)}
            >
              {RATING_LABELS[r]}
            </Button>
          ))
        ) : (
          <Button
            id="form-submit"
            type="primary"
            loading={busy || uploading}
            disabled={busy || uploading}
            onClick={() => void submit()}
          >
            {uploading ? '上传照片…' : '确定'}
          </Button>
        )}
      </View>
    </View>
  )
}
