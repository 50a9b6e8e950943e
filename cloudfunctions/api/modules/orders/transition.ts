/**
 * The work-order state machine as one pure function: (order, actor, event, now) → the new order and
 * one timeline entry, or INVALID_TRANSITION / FORBIDDEN. No I/O; handlers load, call, and store.
 */
import type { CategoryDoc, OrderDoc, OrderState, Rating, TimelineType } from '../../../../types'
import { OPEN_STATES, RATING_LABELS, STATE_LABELS } from '../../../../types'
import { addHours, addWorkdays, FAR_FUTURE } from './deadlines'

export type ActorKind = 'reporter' | 'handler' | 'supervisor' | 'system'
export interface Actor {
  id: string | null
  kinds: ReadonlySet<ActorKind>
}

export type OrderEvent =
  | { type: 'dispatch'; gridId?: string | null; departmentId?: string | null }
  | { type: 'accept' }
  | { type: 'start'; note: string }
  | { type: 'note'; note: string; staffOnly: boolean }
  | { type: 'resolve'; note: string; photos: string[] }
  | { type: 'rate'; rating: Rating; comment: string }
  | { type: 'auto_close' }
  | { type: 'reject'; reason: string }
  | { type: 'merge'; intoOrderId: string; intoNo: string }
  | { type: 'transfer'; gridId?: string | null; departmentId?: string | null; targetLabel: string; reason: string }
  | { type: 'escalate'; level: 'community' | 'street' }
  | { type: 'remind'; note: string }
  | { type: 'metoo'; userId: string }
  | { type: 'assign_joint'; departmentIds: string[]; labels: string[] }

export const EVENT_TYPES = [
  'dispatch',
  'accept',
  'start',
  'note',
  'resolve',
  'rate',
  'auto_close',
  'reject',
  'merge',
  'transfer',
  'escalate',
  'remind',
  'metoo',
  'assign_joint',
] as const
export type EventType = OrderEvent['type']

export interface TimelineDraft {
  type: TimelineType
  note: string
  photos: string[]
  staffOnly: boolean
}

export type TransitionResult =
  | { ok: true; order: OrderDoc; timeline: TimelineDraft }
  | { ok: false; code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION'; message: string }

export const AUTO_CLOSE_MS = 7 * 24 * 60 * 60 * 1000
const JOINT_REPEAT_AT = 3

/** Which states each event may leave from, and who may cause it. */
export const RULES: Record<EventType, { from: readonly OrderState[]; by: readonly ActorKind[] }> = {
  dispatch: { from: ['submitted'], by: ['supervisor'] },
  accept: { from: ['dispatched'], by: ['handler'] },
  start: { from: ['accepted'], by: ['handler'] },
  note: { from: OPEN_STATES, by: ['handler', 'supervisor'] },
  resolve: { from: ['accepted', 'in_progress'], by: ['handler'] },
  rate: { from: ['resolved'], by: ['reporter'] },
  auto_close: { from: ['resolved'], by: ['system'] },
  reject: { from: OPEN_STATES, by: ['handler', 'supervisor'] },
  merge: { from: OPEN_STATES, by: ['handler', 'supervisor'] },
  transfer: { from: ['dispatched', 'accepted', 'in_progress'], by: ['handler', 'supervisor'] },
  escalate: { from: OPEN_STATES, by: ['system'] },
  remind: { from: OPEN_STATES, by: ['supervisor'] },
  metoo: { from: OPEN_STATES, by: ['reporter', 'handler', 'supervisor', 'system'] },
  assign_joint: { from: OPEN_STATES, by: ['supervisor'] },
}

const fail = (code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION', message: string): TransitionResult => ({
  ok: false,
  code,
  message,
})
const entry = (type: TimelineType, note = '', photos: string[] = [], staffOnly = false): TimelineDraft => ({
  type,
  note,
  photos,
  staffOnly,
})

function redispatch(order: OrderDoc, category: CategoryDoc, now: number): OrderDoc {
  const acceptDeadline = addHours(now, category.acceptHours)
  return {
    ...order,
    state: 'dispatched',
    handlerId: null,
    acceptedAt: null,
    resolveDeadline: null,
    acceptDeadline,
    dueAt: acceptDeadline,
  }
}

export function transition(
  order: OrderDoc,
  actor: Actor,
  event: OrderEvent,
  now: number,
  category: CategoryDoc,
): TransitionResult {
  const rule = RULES[event.type]
  if (!rule.by.some((k) => actor.kinds.has(k))) return fail('FORBIDDEN', '您无权对该工单进行此操作')
  if (!rule.from.includes(order.state))
    return fail('INVALID_TRANSITION', `工单当前状态为“${STATE_LABELS[order.state]}”，不能执行此操作`)
  const base = { ...order, updatedAt: now }
  switch (event.type) {
    case 'dispatch': {
      const gridId = event.gridId === undefined ? order.gridId : event.gridId
      const departmentId = event.departmentId === undefined ? order.departmentId : event.departmentId
      if (!gridId && !departmentId) return fail('VALIDATION', '请选择派往的网格或部门')
      return {
        ok: true,
        order: { ...redispatch(base, category, now), gridId, departmentId },
        timeline: entry('dispatched'),
      }
    }
    case 'accept':
      return {
        ok: true,
        order: {
          ...base,
          state: 'accepted',
          handlerId: actor.id,
          acceptedAt: now,
          resolveDeadline: addWorkdays(now, category.resolveWorkdays),
          dueAt: addWorkdays(now, category.resolveWorkdays),
        },
        timeline: entry('accepted'),
      }
    case 'start':
      return { ok: true, order: { ...base, state: 'in_progress' }, timeline: entry('started', event.note) }
    case 'note':
      if (!event.note.trim()) return fail('VALIDATION', '请填写内容')
      return { ok: true, order: base, timeline: entry('note', event.note, [], event.staffOnly) }
    case 'resolve':
      if (event.photos.length === 0 && event.note.trim().length < 5)
        return fail('VALIDATION', '办结需要上传处理后的照片，或写明处理情况（至少 5 个字）')
      return {
        ok: true,
        order: { ...base, state: 'resolved', resolvedAt: now, dueAt: FAR_FUTURE },
        timeline: entry('resolved', event.note, event.photos),
      }
    case 'rate': {
      const note = `${RATING_LABELS[event.rating]}${event.comment ? `：${event.comment}` : ''}`
      if (event.rating !== 'unsatisfied') {
        return {
          ok: true,
          order: {
            ...base,
            state: 'closed',
            closedAt: now,
            rating: event.rating,
            ratingComment: event.comment,
            dueAt: FAR_FUTURE,
          },
          timeline: entry('rated', note),
        }
      }
      const unsatisfiedCount = order.unsatisfiedCount + 1
      if (unsatisfiedCount >= 3) {
        return {
          ok: true,
          order: {
            ...base,
            state: 'closed',
            closedAt: now,
            rating: 'unsatisfied',
            ratingComment: event.comment,
            unsatisfiedCount,
            dueAt: FAR_FUTURE,
          },
          timeline: entry('rated', `${note}（已记录，不再重办）`),
        }
      }
      const reopened = {
        ...redispatch(base, category, now),
        rating: null,
        resolvedAt: null,
        unsatisfiedCount,
        reopenCount: order.reopenCount + 1,
      }
      if (unsatisfiedCount === 1) return { ok: true, order: reopened, timeline: entry('reopened', note) }
      return {
        ok: true,
        order: {
          ...reopened,
          joint: 'unsatisfied',
          escalation: order.escalation === 'street' ? 'street' : 'community',
          supervised: true,
        },
        timeline: entry('joint', `${note}，转为不满意工单联合办理`),
      }
    }
    case 'auto_close':
      if (!order.resolvedAt || now < order.resolvedAt + AUTO_CLOSE_MS)
        return fail('INVALID_TRANSITION', '未到自动办结时间')
      return {
        ok: true,
        order: { ...base, state: 'closed', closedAt: now, autoClosed: true, dueAt: FAR_FUTURE },
        timeline: entry('auto_closed', '7 天未评价，系统自动办结'),
      }
    case 'reject':
      if (!event.reason.trim()) return fail('VALIDATION', '请填写退回理由')
      return {
        ok: true,
        order: { ...base, state: 'rejected', rejectReason: event.reason, closedAt: now, dueAt: FAR_FUTURE },
        timeline: entry('rejected', event.reason),
      }
    case 'merge':
      if (event.intoOrderId === order._id) return fail('VALIDATION', '不能与自身合并')
      return {
        ok: true,
        order: { ...base, state: 'merged', mergedInto: event.intoOrderId, closedAt: now, dueAt: FAR_FUTURE },
        timeline: entry('merged', `与工单 ${event.intoNo} 合并办理`),
      }
    case 'transfer': {
      if (!event.reason.trim()) return fail('VALIDATION', '请填写转派理由')
      if (!event.gridId && !event.departmentId) return fail('VALIDATION', '请选择转派的网格或部门')
      const moved = {
        ...redispatch(base, category, now),
        gridId: event.gridId ?? order.gridId,
        departmentId: event.departmentId ?? null,
      }
      return { ok: true, order: moved, timeline: entry('transferred', `转派至${event.targetLabel}：${event.reason}`) }
    }
    case 'escalate': {
      const rank = { grid: 0, community: 1, street: 2 }
      if (rank[event.level] <= rank[order.escalation]) return fail('INVALID_TRANSITION', '已在该层级督办')
      return {
        ok: true,
        order: { ...base, escalation: event.level, supervised: true },
        timeline: entry(
          'escalated',
          event.level === 'community' ? '超期未办，已上报社区督办' : '超期未办，已上报街道督办',
        ),
      }
    }
    case 'remind':
      return { ok: true, order: { ...base, supervised: true }, timeline: entry('reminded', event.note || '请尽快办理') }
    case 'metoo': {
      if (event.userId === order.reporterId || order.followerIds.includes(event.userId))
        return fail('INVALID_TRANSITION', '您已反映过这个问题')
      const repeatCount = order.repeatCount + 1
      const joint = order.joint ?? (repeatCount >= JOINT_REPEAT_AT ? 'repeat' : null)
      return {
        ok: true,
        order: { ...base, followerIds: [...order.followerIds, event.userId], repeatCount, joint },
        timeline: entry('metoo', `又有居民反映此问题（共 ${repeatCount + 1} 人）`),
      }
    }
    case 'assign_joint':
      // Assigning several departments to an ordinary order makes it a 疑难 (difficult) order.
      if (event.departmentIds.length === 0) return fail('VALIDATION', '请选择参与联合办理的部门')
      return {
        ok: true,
        order: {
          ...base,
          joint: order.joint ?? 'difficult',
          supervised: true,
          jointDepartmentIds: [...new Set(event.departmentIds)],
        },
        timeline: entry('joint', `联合办理：${event.labels.join('、')}`),
      }
  }
}
