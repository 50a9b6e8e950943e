/**
 * Whole stories of the work-order machine: random sequences of events by random actors, from a freshly
 * created order, on the pure `transition` (no store). Every step is checked against the product rules.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { ORDER_EVENTS, OrderDocSchema, TIMELINE_TYPES, type CategoryDoc, type OrderDoc } from '../../../../../types'
import type { RoleGrant, UserDoc } from '../../../../../types'
import {
  transition,
  AUTO_CLOSE_MS,
  type Actor,
  type ActorKind,
} from '../../../../../cloudfunctions/api/modules/orders/transition'
import type { OrderEvent, Target, TransitionResult } from '../../../../../cloudfunctions/api/modules/orders/transition'
import { actorFor } from '../../../../../cloudfunctions/api/modules/orders/access'
import { allowedEvents } from '../../../../../cloudfunctions/api/modules/orders/present'
import { addHours, FAR_FUTURE } from '../../../../../cloudfunctions/api/modules/orders/deadlines'

const T0 = Date.parse('2026-11-23T09:00:00+08:00')
const DAY = 24 * 3600_000
const STREET = 'st_a'
const CATEGORY: CategoryDoc = {
  _id: 'cat_traffic',
  streetId: STREET,
  name: '交通秩序',
  acceptHours: 4,
  resolveWorkdays: 3,
  active: true,
  sort: 1,
  version: 0,
}
const TERMINAL = ['closed', 'rejected', 'merged']
const isStaffFiled = (o: OrderDoc) => o.source === 'patrol' || o.source === 'proxy'

const user = (id: string, grants: RoleGrant[]): UserDoc => ({
  _id: id,
  openId: `wx-${id}`,
  nickname: id,
  avatarFileId: null,
  phone: null,
  realName: null,
  roles: [{ role: 'resident' }, ...grants],
  homeGridId: null,
  createdAt: 0,
  updatedAt: 0,
  version: 0,
})

/** Street st_a: community cm_a holds grids gd_a and gd_c, cm_b holds gd_b; departments dp_x, dp_y. */
const PEOPLE = [
  user('u_res', []),
  user('u_w1', [{ role: 'grid_worker', gridIds: ['gd_a'] }]),
  user('u_w2', [{ role: 'grid_worker', gridIds: ['gd_a', 'gd_b'] }]),
  user('u_d1', [{ role: 'department', departmentId: 'dp_x' }]),
  user('u_dw', [
    { role: 'department', departmentId: 'dp_y' },
    { role: 'grid_worker', gridIds: ['gd_b'] },
  ]),
  user('u_ca', [{ role: 'community_admin', communityId: 'cm_a' }]),
  user('u_sa', [{ role: 'street_admin', streetId: STREET }]),
  user('u_sx', [{ role: 'street_admin', streetId: 'st_other' }]),
]
const IDS = PEOPLE.map((p) => p._id)

/** As orders.create builds it: in gd_a and dispatched there, or (resident sources only) in the street's queue. */
function freshOrder(source: OrderDoc['source'], reporterId: string, inGrid: boolean): OrderDoc {
  const acceptDeadline = addHours(T0, CATEGORY.acceptHours)
  return OrderDocSchema.parse({
    _id: 'od_story',
    no: '20261123-000001',
    source,
    categoryId: CATEGORY._id,
    text: '僵尸车占道',
    photos: [],
    location: null,
    address: '',
    streetId: STREET,
    communityId: inGrid ? 'cm_a' : null,
    gridId: inGrid ? 'gd_a' : null,
    departmentId: null,
    jointDepartmentIds: [],
    reporterId,
    anonymous: false,
    onBehalfOf: source === 'proxy' ? 'mb_offline' : null,
    followerIds: [],
    repeatCount: 0,
    state: inGrid ? 'dispatched' : 'submitted',
    handlerId: null,
    escalation: inGrid ? 'grid' : 'street',
    supervised: false,
    joint: null,
    dueAt: acceptDeadline,
    acceptDeadline,
    resolveDeadline: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    ratingComment: '',
    autoClosed: false,
    confirmed: false,
    reopenCount: 0,
    unsatisfiedCount: 0,
    mergedInto: null,
    rejectReason: null,
    createdAt: T0,
    updatedAt: T0,
    version: 0,
  })
}

const orderArb = fc.oneof(
  // Anyone files a 随手拍 or 诉求: a resident, a grid worker (then often its handler too), a community admin.
  fc
    .tuple(fc.constantFrom('snap', 'demand'), fc.constantFrom('u_res', 'u_w1', 'u_w2', 'u_ca'), fc.boolean())
    .map(([source, reporter, inGrid]) => freshOrder(source, reporter, inGrid)),
  // A grid worker of gd_a files a 巡查 or a 代办 in their grid.
  fc
    .tuple(fc.constantFrom('patrol', 'proxy'), fc.constantFrom('u_w1', 'u_w2'))
    .map(([source, reporter]) => freshOrder(source, reporter, true)),
)

const place = (communityId: string | null, gridId: string | null, departmentId: string | null, label: string) => ({
  streetId: STREET,
  communityId,
  gridId,
  departmentId,
  label,
})
const GRID_C: Target = place('cm_a', 'gd_c', null, '第三网格')
const GRID_B: Target = place('cm_b', 'gd_b', null, '第二网格')
const DEPT_X: Target = place('cm_a', 'gd_a', 'dp_x', '创城')
const TARGETS = [GRID_C, GRID_B, DEPT_X, place('cm_a', 'gd_a', 'dp_y', '城管'), place(null, null, null, '')]
const text = fc.constantFrom('', '  ', '好了', '已协调物业拖走车辆')
const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.record({ type: fc.constant('dispatch'), to: fc.constantFrom(...TARGETS) }),
  fc.constant({ type: 'accept' }),
  fc.record({ type: fc.constant('start'), note: text }),
  fc.record({ type: fc.constant('note'), note: text, staffOnly: fc.boolean() }),
  fc.record({ type: fc.constant('resolve'), note: text, photos: fc.constantFrom<string[]>([], ['local:u/after.jpg']) }),
  fc.record({
    type: fc.constant('rate'),
    rating: fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied'),
    comment: text,
  }),
  fc.record({ type: fc.constant('confirm'), note: text }),
  fc.constant({ type: 'auto_close' }),
  fc.record({ type: fc.constant('reject'), reason: text }),
  fc.record({
    type: fc.constant('merge'),
    intoOrderId: fc.constantFrom('od_other', 'od_story'),
    intoNo: fc.constant('N2'),
  }),
  fc.record({ type: fc.constant('transfer'), to: fc.constantFrom(...TARGETS), reason: text }),
  fc.record({ type: fc.constant('escalate'), level: fc.constantFrom('community', 'street') }),
  fc.record({ type: fc.constant('remind'), note: text }),
  fc.record({ type: fc.constant('metoo'), userId: fc.constantFrom(...IDS, 'u_f1', 'u_f2', 'u_f3') }),
  fc.record({
    type: fc.constant('assign_joint'),
    departmentIds: fc.subarray(['dp_x', 'dp_y']),
    labels: fc.constant<string[]>(['创城']),
  }),
)

/** Who acts: a person (kinds as actorFor finds them now), any mix of kinds, or the system (timer, 我也遇到). */
type ActorSpec =
  | { as: 'person'; index: number }
  | { as: 'kinds'; id: string; handler: boolean; supervisor: boolean }
  | { as: 'system'; id: string | null }
const actorArb: fc.Arbitrary<ActorSpec> = fc.oneof(
  fc.record({ as: fc.constant('person'), index: fc.nat(PEOPLE.length - 1) }),
  fc.record({ as: fc.constant('kinds'), id: fc.constantFrom(...IDS), handler: fc.boolean(), supervisor: fc.boolean() }),
  fc.record({ as: fc.constant('system'), id: fc.constantFrom(null, ...IDS) }),
)

/** An actor of `id` holding `kinds`, and the reporter kind when the id is the reporter's: that is a fact, not a choice. */
const actorWith = (order: OrderDoc, id: string, ...kinds: ActorKind[]): Actor => ({
  id,
  kinds: new Set<ActorKind>(id === order.reporterId ? [...kinds, 'reporter'] : kinds),
})

function actorOf(spec: ActorSpec, order: OrderDoc): Actor {
  if (spec.as === 'person') return actorFor(PEOPLE[spec.index] ?? user('u_nobody', []), order)
  if (spec.as === 'system') return { id: spec.id, kinds: new Set(['system']) }
  const kinds: ActorKind[] = [
    ...(spec.handler ? ['handler' as const] : []),
    ...(spec.supervisor ? ['supervisor' as const] : []),
  ]
  return actorWith(order, spec.id, ...kinds)
}

/**
 * A step that moves the story on: the event the order's state calls for, by `id` holding the kind it
 * needs, so a worker who filed an order often accepts, resolves and then tries to rate or confirm it.
 */
type Progress = { id: string; start: boolean; rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' }
const progressArb: fc.Arbitrary<Progress> = fc.record({
  id: fc.constantFrom(...IDS),
  start: fc.boolean(),
  // 不满意 mostly, so stories reach reopened, joint and closed-on-record orders.
  rating: fc.oneof(
    { arbitrary: fc.constant('unsatisfied' as const), weight: 3 },
    { arbitrary: fc.constantFrom('satisfied' as const, 'basically_satisfied' as const), weight: 1 },
  ),
})

function progressOf({ id, start, rating }: Progress, order: OrderDoc): { actor: Actor; event: OrderEvent } {
  const handler = actorWith(order, id, 'handler')
  switch (order.state) {
    case 'submitted':
      return { actor: actorWith(order, id, 'supervisor'), event: { type: 'dispatch', to: GRID_C } }
    case 'dispatched':
      return { actor: handler, event: { type: 'accept' } }
    case 'accepted':
      if (start) return { actor: handler, event: { type: 'start', note: '' } }
      return { actor: handler, event: { type: 'resolve', note: '已协调物业拖走车辆', photos: [] } }
    case 'in_progress':
      return { actor: handler, event: { type: 'resolve', note: '', photos: ['local:u/after.jpg'] } }
    default: {
      // The reporter answers a resolved order, or (`start`) whoever `id` is tries to; later states refuse both.
      const who = start ? actorWith(order, id) : actorWith(order, order.reporterId)
      if (isStaffFiled(order)) return { actor: who, event: { type: 'confirm', note: '' } }
      return { actor: who, event: { type: 'rate', rating, comment: '' } }
    }
  }
}

type Step = { advanceMs: number } & ({ actor: ActorSpec; event: OrderEvent } | { progress: Progress })
const stepArb: fc.Arbitrary<Step> = fc
  .record({
    advanceMs: fc.oneof(fc.nat(6 * 3600_000), fc.nat(9 * DAY)),
    move: fc.oneof(
      { arbitrary: fc.record({ actor: actorArb, event: eventArb }), weight: 3 },
      { arbitrary: fc.record({ progress: progressArb }), weight: 2 },
    ),
  })
  .map(({ advanceMs, move }) => ({ advanceMs, ...move }))
const storyArb = fc.tuple(orderArb, fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'large' }))

interface Turn {
  before: OrderDoc
  actor: Actor
  event: OrderEvent
  now: number
  result: TransitionResult
}

/** Plays the story on `transition`, handing each step to `check`. */
function play([initial, steps]: [OrderDoc, Step[]], check: (turn: Turn) => void) {
  let order = initial
  let now = initial.createdAt
  for (const step of steps) {
    now += step.advanceMs
    const { actor, event } =
      'progress' in step ? progressOf(step.progress, order) : { actor: actorOf(step.actor, order), event: step.event }
    const result = transition(order, actor, event, now, CATEGORY)
    check({ before: order, actor, event, now, result })
    if (result.ok) order = result.order
  }
}

/** Fails the run with `rule` and the step it broke at (fast-check adds the shrunk story). */
function must(holds: boolean, rule: string, turn: Partial<Turn>) {
  if (holds) return
  const { before, actor, event, result } = turn
  const state = result?.ok ? result.order.state : null
  throw new Error(
    `${rule}: ${JSON.stringify({ from: before?.state, to: state, event, actor: actor && [actor.id, ...actor.kinds] })}`,
  )
}

/** The rules every order the machine produces keeps, by name; empty when all hold. */
function brokenRules(o: OrderDoc): string[] {
  const waiting = o.state === 'submitted' || o.state === 'dispatched'
  const working = o.state === 'accepted' || o.state === 'in_progress'
  const rules: [boolean, string][] = [
    [isDeepStrictEqual(OrderDocSchema.safeParse(o).data, o), 'matches OrderDocSchema exactly'],
    [!waiting || [o.handlerId, o.acceptedAt, o.resolveDeadline].every((v) => v === null), 'waiting has no handler'],
    [!waiting || o.dueAt === o.acceptDeadline, 'waiting is due at its accept deadline'],
    [!working || (o.handlerId !== null && o.acceptedAt !== null), 'accepted/in_progress has a handler'],
    [!working || o.dueAt === o.resolveDeadline, 'accepted/in_progress is due at its resolve deadline'],
    [!(waiting || working) || o.resolvedAt === null, 'an open order has no resolvedAt'],
    [o.state !== 'resolved' || o.resolvedAt !== null, 'resolved has resolvedAt'],
    [waiting || working || o.dueAt === FAR_FUTURE, 'resolved and ended orders are due never'],
    [TERMINAL.includes(o.state) === (o.closedAt !== null), 'closedAt set exactly when ended'],
    [o.state !== 'rejected' || Boolean(o.rejectReason?.trim()), 'rejected has a reason'],
    [o.state !== 'merged' || o.mergedInto === 'od_other', 'merged names the other order'],
    [!o.autoClosed || (o.closedAt ?? 0) - (o.resolvedAt ?? Infinity) >= AUTO_CLOSE_MS, 'the timer closes after 7 days'],
    [
      o.state !== 'closed' || [o.rating !== null, o.confirmed, o.autoClosed].filter(Boolean).length === 1,
      'closed one way: rated, confirmed or by the timer',
    ],
  ]
  return rules.filter(([holds]) => !holds).map(([, name]) => name)
}

const RUNS = { numRuns: 300 }

test('every step of every story leaves a valid order; closed, rejected and merged orders never move again', () => {
  fc.assert(
    fc.property(storyArb, (story) => {
      must(brokenRules(story[0]).length === 0, `fresh order: ${brokenRules(story[0]).join()}`, {})
      play(story, (turn) => {
        const { before, now, result } = turn
        must(!TERMINAL.includes(before.state) || !result.ok, 'an ended order moved', turn)
        if (!result.ok) return
        must(brokenRules(result.order).length === 0, brokenRules(result.order).join(), turn)
        const kept = (o: OrderDoc) => [o._id, o.no, o.source, o.reporterId, o.createdAt, o.version]
        must(isDeepStrictEqual(kept(result.order), kept(before)), 'identity fields kept', turn)
        must(result.order.updatedAt === now, 'updatedAt is the step time', turn)
      })
    }),
    RUNS,
  )
})

test('a successful step yields exactly one timeline entry of a known type; a refused one changes nothing', () => {
  fc.assert(
    fc.property(storyArb, (story) => {
      let seen = JSON.stringify(story[0])
      play(story, (turn) => {
        const { before, result } = turn
        must(JSON.stringify(before) === seen, 'the input order was written to', turn)
        if (!result.ok) {
          must(
            isDeepStrictEqual(Object.keys(result).sort(), ['code', 'message', 'ok']),
            'a refusal carries no order',
            turn,
          )
          return
        }
        const entry = result.timeline
        must(isDeepStrictEqual(Object.keys(result).sort(), ['ok', 'order', 'timeline']), 'one order, one entry', turn)
        must(isDeepStrictEqual(Object.keys(entry).sort(), ['note', 'photos', 'staffOnly', 'type']), 'entry shape', turn)
        must(TIMELINE_TYPES.includes(entry.type), 'entry of a known type', turn)
        seen = JSON.stringify(result.order)
      })
    }),
    RUNS,
  )
})

test('no one successfully rates an order whose handlerId they are', () => {
  fc.assert(
    fc.property(storyArb, (story) =>
      play(story, (turn) => {
        const { before, actor, event, result } = turn
        must(!(result.ok && event.type === 'rate' && actor.id === before.handlerId), 'the handler rated', turn)
      }),
    ),
    RUNS,
  )
})

test('a staff-filed order is never rated: its registrar confirms it (or the timer closes it); a resident report is never confirmed', () => {
  fc.assert(
    fc.property(storyArb, (story) =>
      play(story, (turn) => {
        const { before, event, result } = turn
        if (!result.ok) return
        const o = result.order
        if (!isStaffFiled(o)) return must(!o.confirmed, 'a resident report was confirmed', turn)
        must(o.rating === null, 'a staff-filed order was rated', turn)
        if (o.state !== 'closed' || before.state === 'closed') return
        // Unconfirmed for 7 days, the timer closes it as it closes any resolved order (see the report).
        must(
          event.type === 'confirm' ? o.confirmed : event.type === 'auto_close' && o.autoClosed,
          'closed otherwise',
          turn,
        )
      }),
    ),
    RUNS,
  )
})

/** One event of each type that passes every payload check, so only the rules decide. */
const VALID: Record<(typeof ORDER_EVENTS)[number], OrderEvent> = {
  dispatch: { type: 'dispatch', to: GRID_B },
  accept: { type: 'accept' },
  start: { type: 'start', note: '' },
  note: { type: 'note', note: '已联系物业', staffOnly: false },
  resolve: { type: 'resolve', note: '', photos: ['local:u/after.jpg'] },
  rate: { type: 'rate', rating: 'satisfied', comment: '' },
  confirm: { type: 'confirm', note: '' },
  reject: { type: 'reject', reason: '不属于受理范围' },
  merge: { type: 'merge', intoOrderId: 'od_other', intoNo: 'N2' },
  transfer: { type: 'transfer', to: DEPT_X, reason: '需部门处理' },
  remind: { type: 'remind', note: '' },
  assign_joint: { type: 'assign_joint', departmentIds: ['dp_x'], labels: ['创城'] },
}

/** A user whose grants make actorFor find exactly these kinds on `order`, or null when no grant can. */
function userWithKinds(order: OrderDoc, reporter: boolean, handler: boolean, supervisor: boolean): UserDoc | null {
  const grants: RoleGrant[] = []
  if (handler && order.departmentId) grants.push({ role: 'department', departmentId: order.departmentId })
  else if (handler && order.gridId) grants.push({ role: 'grid_worker', gridIds: [order.gridId] })
  else if (handler) return null
  if (supervisor) grants.push({ role: 'street_admin', streetId: order.streetId })
  return user(reporter ? order.reporterId : 'u_someone', grants)
}
const KIND_MIXES = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => [bits & 1, bits & 2, bits & 4].map(Boolean))

test('allowedEvents offers exactly the events transition lets that user cause, for the people and every mix of kinds', () => {
  const agree = (order: OrderDoc, viewer: UserDoc, now: number) => {
    const actor = actorFor(viewer, order)
    const offered = allowedEvents(viewer, order)
    const works = ORDER_EVENTS.filter((type) => {
      const r = transition(order, actor, VALID[type], now, CATEGORY)
      return r.ok || r.code === 'VALIDATION'
    })
    if (offered.join() !== works.join())
      expect({ viewer: viewer._id, kinds: [...actor.kinds], order, offered }).toEqual({
        ...{ viewer: viewer._id, kinds: [...actor.kinds], order },
        offered: works,
      })
  }
  fc.assert(
    fc.property(storyArb, (story) =>
      play(story, ({ before, now }) => {
        for (const viewer of PEOPLE) agree(before, viewer, now)
        for (const [reporter = false, handler = false, supervisor = false] of KIND_MIXES) {
          const viewer = userWithKinds(before, reporter, handler, supervisor)
          if (!viewer) continue
          const kinds = [...actorFor(viewer, before).kinds].sort().join()
          const meant = [handler && 'handler', reporter && 'reporter', supervisor && 'supervisor']
            .filter(Boolean)
            .join()
          must(kinds === meant, `actorFor found ${kinds}, the grants meant ${meant}`, { before })
          agree(before, viewer, now)
        }
      }),
    ),
    { numRuns: 100 },
  )
})
