/**
 * The work-order machine's vocabulary and rules: actors, events, which states each event leaves from,
 * who may cause it and on what condition, and the level that owns an order. Pure; no I/O.
 */
import type { OrderDoc, OrderState, Rating, TimelineType } from '../../../../types'
import { OPEN_STATES } from '../../../../types'

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

export const LEVEL_RANK = { grid: 0, community: 1, street: 2 } as const

/** The level that owns an order now: its grid, else its community, else the street's queue. */
export function ownerLevel(order: Pick<OrderDoc, 'gridId' | 'communityId'>): OrderDoc['escalation'] {
  return order.gridId ? 'grid' : order.communityId ? 'community' : 'street'
}
