/**
 * The work-order state machine as one pure function: (order, actor, event, now) → the new order and
 * one timeline entry, or INVALID_TRANSITION / FORBIDDEN. No I/O; handlers load, call, and store.
 */
import type { CategoryDoc, OrderDoc, TimelineType } from '../../../../types'
import { RATING_LABELS, STATE_LABELS } from '../../../../types'
import { addHours, addWorkdays, FAR_FUTURE } from './deadlines'
import {
  AUTO_CLOSE_MS,
  RULES,
  LEVEL_RANK,
  ownerLevel,
  type Actor,
  type EventType,
  type OrderEvent,
  type Target,
  type TimelineDraft,
  type TransitionResult,
} from './rules'

export * from './rules'

/** The third person reporting the same problem makes it a 重复工单. */
const JOINT_REPEAT_AT = 3

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
