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

/** Where an order goes on dispatch or transfer, resolved by the handler with all its parents. */
export interface Target {
  streetId: string
  communityId: string | null
  gridId: string | null
  departmentId: string | null
  label: string
}

export type OrderEvent =
  | { type: 'dispatch'; to: Target }
  | { type: 'accept' }
  | { type: 'start'; note: string }
  | { type: 'note'; note: string; staffOnly: boolean }
  | { type: 'resolve'; note: string; photos: string[] }
  | { type: 'rate'; rating: Rating; comment: string }
  | { type: 'confirm'; note: string }
  | { type: 'auto_close' }
  | { type: 'reject'; reason: string }
  | { type: 'merge'; intoOrderId: string; intoNo: string }
  | { type: 'transfer'; to: Target; reason: string }
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
  'confirm',
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

const STAFF_FILED: readonly OrderDoc['source'][] = ['patrol', 'proxy']
export const isStaffFiled = (order: Pick<OrderDoc, 'source'>) => STAFF_FILED.includes(order.source)

/** A rating is the reporter's verdict on someone else's work: never the handler's, never on a staff-filed order. */
function rateRefusal(order: OrderDoc, actor: Actor): Refusal | null {
  if (isStaffFiled(order))
    return { code: 'INVALID_TRANSITION', message: '巡查和代办工单由登记人确认办结，不参与满意度评价' }
  // Whoever may handle it (accepted it, or may resolve it as staff in scope) is no judge of it.
  if (actor.kinds.has('handler') || (actor.id !== null && actor.id === order.handlerId))
    return { code: 'FORBIDDEN', message: '办理人不能评价自己办理的工单' }
  return null
}

function confirmRefusal(order: OrderDoc): Refusal | null {
  return isStaffFiled(order) ? null : { code: 'INVALID_TRANSITION', message: '居民上报的工单由上报人评价' }
}

interface Refusal {
  code: 'INVALID_TRANSITION' | 'FORBIDDEN'
  message: string
}

interface Rule {
  from: readonly OrderState[]
  by: readonly ActorKind[]
  /** A further condition on this order and actor; its refusal is what the caller reads. */
  unless?: (order: OrderDoc, actor: Actor) => Refusal | null
}

/** Which states each event may leave from, who may cause it, and on what further condition. */
export const RULES: Record<EventType, Rule> = {
  dispatch: { from: ['submitted'], by: ['supervisor'] },
  accept: { from: ['dispatched'], by: ['handler'] },
  start: { from: ['accepted'], by: ['handler'] },
  note: { from: OPEN_STATES, by: ['handler', 'supervisor'] },
  resolve: { from: ['accepted', 'in_progress'], by: ['handler'] },
  rate: { from: ['resolved'], by: ['reporter'], unless: rateRefusal },
  confirm: { from: ['resolved'], by: ['reporter'], unless: confirmRefusal },
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

export const LEVEL_RANK = { grid: 0, community: 1, street: 2 } as const

/** The level that owns an order now: its grid, else its community, else the street's queue. */
export function ownerLevel(order: Pick<OrderDoc, 'gridId' | 'communityId'>): OrderDoc['escalation'] {
  return order.gridId ? 'grid' : order.communityId ? 'community' : 'street'
}

const treeOf = (t: Target) => ({
  streetId: t.streetId,
  communityId: t.communityId,
  gridId: t.gridId,
  departmentId: t.departmentId,
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

/** The order before the event (`order`), the copy being changed (`base`), who acts, when, and its category. */
interface Step {
  order: OrderDoc
  base: OrderDoc
  actor: Actor
  now: number
  category: CategoryDoc
}

/** 满意/基本满意 close the order; 不满意 reopens it once, then makes it a joint order, and a third time records it. */
function rate({ order, base, now, category }: Step, event: Extract<OrderEvent, { type: 'rate' }>): TransitionResult {
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

/** What each event does to an order that passed the rule check: one small function per event. */
const APPLY: { [E in EventType]: (step: Step, event: Extract<OrderEvent, { type: E }>) => TransitionResult } = {
  dispatch: ({ base, now, category }, event) => {
    if (!event.to.gridId && !event.to.departmentId) return fail('VALIDATION', '请选择派往的网格或部门')
    // A new owner with a fresh deadline: supervision starts again from the owner's level.
    const placed = { ...redispatch(base, category, now), ...treeOf(event.to) }
    return {
      ok: true,
      order: { ...placed, escalation: ownerLevel(placed), supervised: false },
      timeline: entry('dispatched', `派至${event.to.label}`),
    }
  },
  accept: ({ base, actor, now, category }, _event) => {
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
  },
  start: ({ base }, event) => {
    return { ok: true, order: { ...base, state: 'in_progress' }, timeline: entry('started', event.note) }
  },
  note: ({ base }, event) => {
    if (!event.note.trim()) return fail('VALIDATION', '请填写内容')
    return { ok: true, order: base, timeline: entry('note', event.note, [], event.staffOnly) }
  },
  resolve: ({ base, now }, event) => {
    if (event.photos.length === 0 && event.note.trim().length < 5)
      return fail('VALIDATION', '办结需要上传处理后的照片，或写明处理情况（至少 5 个字）')
    return {
      ok: true,
      order: { ...base, state: 'resolved', resolvedAt: now, dueAt: FAR_FUTURE },
      timeline: entry('resolved', event.note, event.photos),
    }
  },
  rate,
  confirm: ({ base, now }, event) => {
    return {
      ok: true,
      order: { ...base, state: 'closed', closedAt: now, confirmed: true, dueAt: FAR_FUTURE },
      timeline: entry('confirmed', event.note || '登记人确认办结（不计入满意率）'),
    }
  },
  auto_close: ({ order, base, now }, _event) => {
    if (!order.resolvedAt || now < order.resolvedAt + AUTO_CLOSE_MS)
      return fail('INVALID_TRANSITION', '未到自动办结时间')
    return {
      ok: true,
      order: { ...base, state: 'closed', closedAt: now, autoClosed: true, dueAt: FAR_FUTURE },
      timeline: entry('auto_closed', '7 天未评价，系统自动办结'),
    }
  },
  reject: ({ base, now }, event) => {
    if (!event.reason.trim()) return fail('VALIDATION', '请填写退回理由')
    return {
      ok: true,
      order: { ...base, state: 'rejected', rejectReason: event.reason, closedAt: now, dueAt: FAR_FUTURE },
      timeline: entry('rejected', event.reason),
    }
  },
  merge: ({ order, base, now }, event) => {
    if (event.intoOrderId === order._id) return fail('VALIDATION', '不能与自身合并')
    return {
      ok: true,
      order: { ...base, state: 'merged', mergedInto: event.intoOrderId, closedAt: now, dueAt: FAR_FUTURE },
      timeline: entry('merged', `与工单 ${event.intoNo} 合并办理`),
    }
  },
  transfer: ({ base, now, category }, event) => {
    if (!event.reason.trim()) return fail('VALIDATION', '请填写转派理由')
    if (!event.to.gridId && !event.to.departmentId) return fail('VALIDATION', '请选择转派的网格或部门')
    // To a department: the grid stays (its workers keep sight of it); to a grid: the whole place moves.
    const moved = event.to.departmentId ? { departmentId: event.to.departmentId } : treeOf(event.to)
    return {
      ok: true,
      order: { ...redispatch(base, category, now), ...moved },
      timeline: entry('transferred', `转派至${event.to.label}：${event.reason}`),
    }
  },
  escalate: ({ order, base }, event) => {
    const higher = LEVEL_RANK[event.level] > LEVEL_RANK[order.escalation]
    // The street's own queue has no level above it: at its deadline it is flagged 督办 where it is.
    const streetQueue = event.level === 'street' && order.escalation === 'street' && !order.supervised
    if (!higher && !streetQueue) return fail('INVALID_TRANSITION', '已在该层级督办')
    return {
      ok: true,
      order: { ...base, escalation: event.level, supervised: true },
      timeline: entry(
        'escalated',
        event.level === 'community' ? '超期未办，已上报社区督办' : '超期未办，已上报街道督办',
      ),
    }
  },
  remind: ({ base }, event) => {
    return { ok: true, order: { ...base, supervised: true }, timeline: entry('reminded', event.note || '请尽快办理') }
  },
  metoo: ({ order, base }, event) => {
    if (event.userId === order.reporterId || order.followerIds.includes(event.userId))
      return fail('INVALID_TRANSITION', '您已反映过这个问题')
    const repeatCount = order.repeatCount + 1
    const joint = order.joint ?? (repeatCount >= JOINT_REPEAT_AT ? 'repeat' : null)
    return {
      ok: true,
      order: { ...base, followerIds: [...order.followerIds, event.userId], repeatCount, joint },
      timeline: entry('metoo', `又有居民反映此问题（共 ${repeatCount + 1} 人）`),
    }
  },
  assign_joint: ({ order, base }, event) => {
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
  },
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
  const refusal = rule.unless?.(order, actor)
  if (refusal) return fail(refusal.code, refusal.message)
  const base = { ...order, updatedAt: now }
  const apply = APPLY[event.type] as (step: Step, event: OrderEvent) => TransitionResult
  return apply({ order, base, actor, now, category }, event)
}
