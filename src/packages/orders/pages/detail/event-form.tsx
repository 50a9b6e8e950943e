import { Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { PhotoPicker } from '../../../../components/photo-picker'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { OrderEventInputSchema, RATINGS, type ActionInput, type OrderDetail, type Rating } from '../../../../contract'
import { EVENT_LABELS, RATING_LABELS } from '../../../../copy/orders'
import { useFieldErrors, type Draft } from '../../../../hooks/use-field-errors'
import { uploadPhoto, type PickedPhoto } from '../../../../services/upload'
import { TargetPicker, type Target } from './target-picker'

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

interface Fields {
  note: string
  staffOnly: boolean
  target: Target
}

const PLACEHOLDERS: Partial<Record<EventType, string>> = {
  note: '进展说明',
  reject: '退回理由（上报人可见）',
  transfer: '转派理由',
  remind: '督办要求（可选）',
  resolve: '处理情况（没有照片时必填，至少 5 个字）',
  rate: '评价说明（可选）',
  confirm: '回访或确认情况（可选，不计入满意率）',
}
const WITH_TARGET: readonly EventType[] = ['transfer', 'dispatch', 'assign_joint', 'merge']
const TARGET_PATHS = ['gridId', 'departmentId', 'departmentIds', 'intoOrderId'] as const
const LABELS = { intoOrderId: '要合并到的工单', departmentIds: '参与联合办理的部门', departmentId: '部门' }

/** The event as the contract spells it, from what the form holds (photos are added after upload). */
function eventOf(type: EventType, { note, staffOnly, target }: Fields, rating?: Rating): Draft<OrderEventInput> {
  switch (type) {
    case 'note':
      return { type, note, staffOnly }
    case 'reject':
      return { type, reason: note }
    case 'transfer':
      return { type, reason: note, departmentId: target.departmentId, gridId: target.gridId }
    case 'dispatch':
      return { type, gridId: target.gridId, departmentId: target.departmentId }
    case 'assign_joint':
      return { type, departmentIds: target.departmentIds ?? [] }
    case 'merge':
      return { type, intoOrderId: target.intoOrderId }
    case 'rate':
      return { type, rating, comment: note }
    case 'resolve':
      return { type, note, photos: [] }
    case 'accept':
      return { type }
    case 'start':
    case 'remind':
    case 'confirm':
      return { type, note }
  }
}

interface Handlers {
  onCancel: () => void
  onSubmit: (rating?: Rating) => void
}

/** 取消, and 确定 — or, to rate, one button per verdict. */
function Buttons({ type, busy, onCancel, onSubmit }: { type: EventType; busy: boolean } & Handlers) {
  return (
    <View className="order-form__actions">
      <Button fill="outline" disabled={busy} onClick={onCancel}>
        取消
      </Button>
      {type === 'rate' ? (
        RATINGS.map((r) => (
          <Button
            key={r}
            id={`rate-${r}`}
            type={r === 'unsatisfied' ? 'default' : 'primary'}
            loading={busy}
            onClick={() => onSubmit(r)}
          >
            {RATING_LABELS[r]}
          </Button>
        ))
      ) : (
        <Button id="form-submit" type="primary" loading={busy} disabled={busy} onClick={() => onSubmit()}>
          确定
        </Button>
      )}
    </View>
  )
}

/** Checks the event with the contract's schema, uploads 办结 photos, then hands the event on. */
function useEventSubmit(type: EventType, ownerId: string, onSubmit: (event: OrderEventInput) => void) {
  const [fields, setFields] = useState<Fields>({ note: '', staffOnly: false, target: {} })
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [uploading, setUploading] = useState(false)
  const errors = useFieldErrors(['note', 'reason', 'comment', ...TARGET_PATHS], LABELS)

  const submit = async (rating?: Rating) => {
    const event = errors.parse(OrderEventInputSchema, eventOf(type, fields, rating))
    if (!event) return
    if (event.type !== 'resolve' || photos.length === 0) return onSubmit(event)
    setUploading(true)
    try {
      onSubmit({ ...event, photos: await Promise.all(photos.map((p) => uploadPhoto(p, ownerId))) })
    } catch (err) {
      errors.fromError(err)
    } finally {
      setUploading(false)
    }
  }

  const patch = (change: Partial<Fields>) => setFields((prev) => ({ ...prev, ...change }))
  return { fields, patch, photos, setPhotos, uploading, errors, submit }
}

/** The small form behind one action button: a target, a note, photos — whatever that event takes. */
export function EventForm({ type, order, ownerId, busy, onSubmit, onCancel }: EventFormProps) {
  const { fields, patch, photos, setPhotos, uploading, errors, submit } = useEventSubmit(type, ownerId, onSubmit)
  const placeholder = PLACEHOLDERS[type]
  return (
    <View id={`form-${type}`} className="order-form">
      <Text className="card__title">{EVENT_LABELS[type]}</Text>
      {type === 'resolve' ? <PhotoPicker id="resolve-photo" photos={photos} max={3} onChange={setPhotos} /> : null}
      {WITH_TARGET.includes(type) ? (
        <TargetPicker type={type} order={order} value={fields.target} onChange={(target) => patch({ target })} />
      ) : null}
      <ErrorText message={TARGET_PATHS.map((p) => errors.field(p)).find(Boolean) ?? null} />
      {placeholder ? (
        <TextField
          id="form-text"
          multiline
          maxLength={300}
          placeholder={placeholder}
          value={fields.note}
          error={errors.field('note') ?? errors.field('reason') ?? errors.field('comment')}
          onChange={(note) => patch({ note })}
        />
      ) : null}
      {type === 'note' ? (
        <View className="order-form__row">
          <Text className="muted">仅工作人员可见</Text>
          <Switch checked={fields.staffOnly} color="#e53029" onChange={(e) => patch({ staffOnly: e.detail.value })} />
        </View>
      ) : null}
      {uploading ? <Text className="muted">正在上传照片…</Text> : null}
      <ErrorText message={errors.message} />
      <Buttons type={type} busy={busy || uploading} onCancel={onCancel} onSubmit={(r) => void submit(r)} />
    </View>
  )
}
