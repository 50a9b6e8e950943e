/**
 * Every state × event × actor kind of the work-order machine. The expected table below is written out
 * by hand from the product rules (DOMAIN.md, issue 5), not derived from the code under test.
 */
import { ORDER_STATES, type CategoryDoc, type OrderDoc, type OrderState, type TimelineType } from '../../../../../types'
import {
  transition,
  AUTO_CLOSE_MS,
  type ActorKind,
  type OrderEvent,
} from '../../../../../cloudfunctions/api/modules/orders/transition'
import { addWorkdays } from '../../../../../cloudfunctions/api/modules/orders/deadlines'

const NOW = Date.parse('2026-11-23T10:00:00+08:00') // a Monday
const CATEGORY: CategoryDoc = {
  _id: 'cat',
  streetId: 'st',
  name: '交通秩序',
  acceptHours: 2,
  resolveWorkdays: 3,
  active: true,
  sort: 1,
  version: 0,
}

function order(state: OrderState, extra: Partial<OrderDoc> = {}): OrderDoc {
  return {
    _id: 'od_1',
    no: 'N1',
    source: 'snap',
    categoryId: 'cat',
    text: '僵尸车',
    photos: [],
    location: null,
    cell: null,
    address: '',
    streetId: 'st',
    communityId: 'cm',
    gridId: 'gd',
    departmentId: null,
    jointDepartmentIds: [],
    reporterId: 'u_rep',
    anonymous: false,
    onBehalfOf: null,
    onBehalfUserId: null,
    followerIds: [],
    repeatCount: 0,
    state,
    handlerId: state === 'dispatched' || state === 'submitted' ? null : 'u_h',
    escalation: 'grid',
    supervised: false,
    joint: null,
    dueAt: NOW + 1000,
    acceptDeadline: NOW + 1000,
    resolveDeadline: null,
    acceptedAt: null,
    resolvedAt: state === 'resolved' ? NOW - AUTO_CLOSE_MS - 1 : null,
    closedAt: null,
    rating: null,
    ratingComment: '',
    autoClosed: false,
    confirmed: false,
    filterKey: 'cat|snap',
    reopenCount: 0,
    unsatisfiedCount: 0,
    mergedInto: null,
    rejectReason: null,
    createdAt: NOW - 5000,
    updatedAt: NOW - 5000,
    version: 3,
    ...extra,
  }
}

const EVENTS: Record<string, OrderEvent> = {
  dispatch: {
    type: 'dispatch',
    to: { streetId: 'st', communityId: 'cm2', gridId: 'gd2', departmentId: null, label: '第二网格' },
  },
  accept: { type: 'accept' },
  start: { type: 'start', note: '已到现场' },
  note: { type: 'note', note: '联系了物业', staffOnly: true },
  resolve: { type: 'resolve', note: '车辆已拖走', photos: ['local:u_h/after.jpg'] },
  rate: { type: 'rate', rating: 'satisfied', comment: '' },
  confirm: { type: 'confirm', note: '' },
  auto_close: { type: 'auto_close' },
  reject: { type: 'reject', reason: '不属于本街道职责' },
  merge: { type: 'merge', intoOrderId: 'od_2', intoNo: 'N2' },
  transfer: {
    type: 'transfer',
    to: { streetId: 'st', communityId: 'cm', gridId: 'gd', departmentId: 'dp_cc', label: '创城' },
    reason: '需创城办协调',
  },
  escalate: { type: 'escalate', level: 'community' },
  remind: { type: 'remind', note: '请今天办结' },
  metoo: { type: 'metoo', userId: 'u_other' },
  assign_joint: { type: 'assign_joint', departmentIds: ['dp_a', 'dp_b'], labels: ['住建', '警务'] },
}

const OPEN = ['submitted', 'dispatched', 'accepted', 'in_progress'] as const
/** event → [states it may leave from, who may cause it, the state it leads to (null = unchanged), its timeline entry]. */
const EXPECTED: Record<
  keyof typeof EVENTS,
  [readonly OrderState[], readonly ActorKind[], OrderState | null, TimelineType]
> = {
  dispatch: [['submitted'], ['supervisor'], 'dispatched', 'dispatched'],
  accept: [['dispatched'], ['handler'], 'accepted', 'accepted'],
  start: [['accepted'], ['handler'], 'in_progress', 'started'],
  note: [OPEN, ['handler', 'supervisor'], null, 'note'],
  resolve: [['accepted', 'in_progress'], ['handler'], 'resolved', 'resolved'],
  rate: [['resolved'], ['reporter'], 'closed', 'rated'],
  confirm: [['resolved'], ['reporter'], 'closed', 'confirmed'],
  auto_close: [['resolved'], ['system'], 'closed', 'auto_closed'],
  reject: [OPEN, ['handler', 'supervisor'], 'rejected', 'rejected'],
  merge: [OPEN, ['handler', 'supervisor'], 'merged', 'merged'],
  transfer: [['dispatched', 'accepted', 'in_progress'], ['handler', 'supervisor'], 'dispatched', 'transferred'],
  escalate: [OPEN, ['system'], null, 'escalated'],
  remind: [OPEN, ['supervisor'], null, 'reminded'],
  metoo: [OPEN, ['reporter', 'handler', 'supervisor', 'system'], null, 'metoo'],
  assign_joint: [OPEN, ['supervisor'], null, 'joint'],
}

/** The order each event is tried on, where it matters: a registrar confirms only a staff-filed order. */
const ORDER_FOR: Record<string, Partial<OrderDoc>> = { confirm: { source: 'patrol' } }

const KINDS: ActorKind[] = ['reporter', 'handler', 'supervisor', 'system']
const cases = Object.keys(EVENTS).flatMap((e) => ORDER_STATES.flatMap((s) => KINDS.map((k) => [e, s, k] as const)))

test.each(cases)('%s from %s by %s', (eventName, state, kind) => {
  const [from, by, to, entry] = EXPECTED[eventName] ?? [[], [], null, 'note']
  const result = transition(
    order(state, ORDER_FOR[eventName]),
    { id: kind === 'system' ? null : `u_${kind}`, kinds: new Set([kind]) },
    EVENTS[eventName] ?? { type: 'accept' },
    NOW,
    CATEGORY,
  )
  if (!by.includes(kind)) return expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  if (!from.includes(state))
    return expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('不能执行此操作'),
    })
  expect(result.ok).toBe(true)
  if (!result.ok) return
  expect(result.order.state).toBe(to ?? state)
  expect(result.order.updatedAt).toBe(NOW)
  expect(result.timeline.type).toBe(entry)
})

describe('rules inside the transitions', () => {
  const handler = { id: 'u_h', kinds: new Set<ActorKind>(['handler']) }
  const reporter = { id: 'u_rep', kinds: new Set<ActorKind>(['reporter']) }

  test('accepting sets the handler and a resolve deadline 3 working days later, skipping the weekend', () => {
    const friday = Date.parse('2026-11-27T16:00:00+08:00')
    const r = transition(order('dispatched'), handler, { type: 'accept' }, friday, CATEGORY)
    expect(r).toMatchObject({
      ok: true,
      order: {
        state: 'accepted',
        handlerId: 'u_h',
        acceptedAt: friday,
        resolveDeadline: Date.parse('2026-12-02T16:00:00+08:00'),
      },
    })
    expect(addWorkdays(friday, 1)).toBe(Date.parse('2026-11-30T16:00:00+08:00'))
  })

  test('resolving needs an after-photo or a written reason', () => {
    expect(
      transition(order('in_progress'), handler, { type: 'resolve', note: '好了', photos: [] }, NOW, CATEGORY),
    ).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(
      transition(
        order('in_progress'),
        handler,
        { type: 'resolve', note: '', photos: ['local:u_h/a.jpg'] },
        NOW,
        CATEGORY,
      ),
    ).toMatchObject({ ok: true })
    expect(
      transition(
        order('in_progress'),
        handler,
        { type: 'resolve', note: '已协调物业拖走车辆', photos: [] },
        NOW,
        CATEGORY,
      ),
    ).toMatchObject({ ok: true })
  })

  test('不满意 reopens once; the second makes it a joint order escalated to the community; the third closes it on record', () => {
    const first = transition(
      order('resolved'),
      reporter,
      { type: 'rate', rating: 'unsatisfied', comment: '车还在' },
      NOW,
      CATEGORY,
    )
    expect(first).toMatchObject({
      ok: true,
      order: {
        state: 'dispatched',
        reopenCount: 1,
        unsatisfiedCount: 1,
        joint: null,
        handlerId: null,
        acceptDeadline: NOW + 2 * 3600_000,
      },
      timeline: { type: 'reopened' },
    })
    const second = transition(
      order('resolved', { unsatisfiedCount: 1, reopenCount: 1 }),
      reporter,
      { type: 'rate', rating: 'unsatisfied', comment: '' },
      NOW,
      CATEGORY,
    )
    expect(second).toMatchObject({
      ok: true,
      order: { state: 'dispatched', joint: 'unsatisfied', escalation: 'community', supervised: true },
    })
    const third = transition(
      order('resolved', { unsatisfiedCount: 2 }),
      reporter,
      { type: 'rate', rating: 'unsatisfied', comment: '' },
      NOW,
      CATEGORY,
    )
    expect(third).toMatchObject({ ok: true, order: { state: 'closed', rating: 'unsatisfied' } })
  })

  test('满意 and 基本满意 close the order with the rating', () => {
    for (const rating of ['satisfied', 'basically_satisfied'] as const) {
      expect(
        transition(order('resolved'), reporter, { type: 'rate', rating, comment: '谢谢' }, NOW, CATEGORY),
      ).toMatchObject({ ok: true, order: { state: 'closed', rating, ratingComment: '谢谢', closedAt: NOW } })
    }
  })

  test('auto-close waits the full 7 days after resolution', () => {
    const sys = { id: null, kinds: new Set<ActorKind>(['system']) }
    expect(
      transition(
        order('resolved', { resolvedAt: NOW - AUTO_CLOSE_MS + 1000 }),
        sys,
        { type: 'auto_close' },
        NOW,
        CATEGORY,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' })
    expect(
      transition(order('resolved', { resolvedAt: NOW - AUTO_CLOSE_MS }), sys, { type: 'auto_close' }, NOW, CATEGORY),
    ).toMatchObject({ ok: true, order: { state: 'closed', autoClosed: true } })
  })

  test('a third repeat report makes it a 重复工单; the same person cannot count twice', () => {
    const sys = { id: null, kinds: new Set<ActorKind>(['system']) }
    const two = order('dispatched', { repeatCount: 2, followerIds: ['a', 'b'] })
    expect(transition(two, sys, { type: 'metoo', userId: 'c' }, NOW, CATEGORY)).toMatchObject({
      ok: true,
      order: { repeatCount: 3, joint: 'repeat', followerIds: ['a', 'b', 'c'] },
    })
    expect(transition(two, sys, { type: 'metoo', userId: 'a' }, NOW, CATEGORY)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    })
    expect(transition(two, sys, { type: 'metoo', userId: 'u_rep' }, NOW, CATEGORY)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    })
  })

  test('escalation only goes up', () => {
    const sys = { id: null, kinds: new Set<ActorKind>(['system']) }
    expect(
      transition(
        order('dispatched', { escalation: 'community' }),
        sys,
        { type: 'escalate', level: 'community' },
        NOW,
        CATEGORY,
      ),
    ).toMatchObject({ ok: false })
    expect(
      transition(
        order('dispatched', { escalation: 'community' }),
        sys,
        { type: 'escalate', level: 'street' },
        NOW,
        CATEGORY,
      ),
    ).toMatchObject({ ok: true, order: { escalation: 'street', supervised: true } })
  })

  test('a transfer keeps history, clears the handler and restarts the accept clock', () => {
    const r = transition(
      order('accepted'),
      handler,
      {
        type: 'transfer',
        to: { streetId: 'st', communityId: 'cm', gridId: 'gd', departmentId: 'dp_cc', label: '创城' },
        reason: '需协调',
      },
      NOW,
      CATEGORY,
    )
    expect(r).toMatchObject({
      ok: true,
      order: {
        state: 'dispatched',
        departmentId: 'dp_cc',
        gridId: 'gd',
        handlerId: null,
        acceptDeadline: NOW + 2 * 3600_000,
      },
      timeline: { type: 'transferred', note: '转派至创城：需协调' },
    })
  })

  test('a dispatch from the street queue moves the order, its community and street with it, and supervision starts at the grid', () => {
    const supervisor = { id: 'u_admin', kinds: new Set<ActorKind>(['supervisor']) }
    const queued = order('submitted', { gridId: null, communityId: null, escalation: 'street', supervised: true })
    const to = { streetId: 'st', communityId: 'cm2', gridId: 'gd2', departmentId: null, label: '第二网格' }
    expect(transition(queued, supervisor, { type: 'dispatch', to }, NOW, CATEGORY)).toMatchObject({
      ok: true,
      order: {
        state: 'dispatched',
        gridId: 'gd2',
        communityId: 'cm2',
        streetId: 'st',
        escalation: 'grid',
        supervised: false,
      },
      timeline: { type: 'dispatched', note: '派至第二网格' },
    })
  })

  test('a transfer to another grid moves grid and community together; one to a department keeps the grid', () => {
    const to = { streetId: 'st', communityId: 'cm3', gridId: 'gd3', departmentId: null, label: '第三网格' }
    expect(
      transition(order('accepted'), handler, { type: 'transfer', to, reason: '不属本网格' }, NOW, CATEGORY),
    ).toMatchObject({
      ok: true,
      order: { gridId: 'gd3', communityId: 'cm3', departmentId: null },
    })
  })

  test('an unsupervised order in the street queue is flagged 督办 at the street; once flagged it is not flagged again', () => {
    const sys = { id: null, kinds: new Set<ActorKind>(['system']) }
    const queued = order('submitted', { gridId: null, communityId: null, escalation: 'street' })
    expect(transition(queued, sys, { type: 'escalate', level: 'street' }, NOW, CATEGORY)).toMatchObject({
      ok: true,
      order: { escalation: 'street', supervised: true },
    })
    const flagged = { ...queued, supervised: true }
    expect(transition(flagged, sys, { type: 'escalate', level: 'street' }, NOW, CATEGORY)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    })
  })
})

describe('actors with several roles at once', () => {
  test('a reporter who is also the grid worker who handled it cannot rate it', () => {
    const both = { id: 'u_h', kinds: new Set<ActorKind>(['reporter', 'handler']) }
    expect(
      transition(
        order('resolved', { reporterId: 'u_h', handlerId: 'u_h' }),
        both,
        EVENTS.rate ?? { type: 'accept' },
        NOW,
        CATEGORY,
      ),
    ).toEqual({ ok: false, code: 'FORBIDDEN', message: '办理人不能评价自己办理的工单' })
  })

  test('a reporter who works the grid cannot rate it even when a colleague accepted it (found by the story properties)', () => {
    const colleague = { id: 'u_w2', kinds: new Set<ActorKind>(['reporter', 'handler']) }
    const resolved = order('resolved', { reporterId: 'u_w2', handlerId: 'u_w1' })
    expect(transition(resolved, colleague, EVENTS.rate ?? { type: 'accept' }, NOW, CATEGORY)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '办理人不能评价自己办理的工单',
    })
  })

  test('a worker who filed a 巡查 and handled it closes it by confirmation, recorded apart from ratings', () => {
    const registrar = { id: 'u_h', kinds: new Set<ActorKind>(['reporter', 'handler']) }
    const patrol = order('resolved', { source: 'patrol', reporterId: 'u_h', handlerId: 'u_h' })
    expect(transition(patrol, registrar, { type: 'rate', rating: 'satisfied', comment: '' }, NOW, CATEGORY)).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '巡查和代办工单由登记人确认办结，不参与满意度评价',
    })
    expect(transition(patrol, registrar, { type: 'confirm', note: '' }, NOW, CATEGORY)).toMatchObject({
      ok: true,
      order: { state: 'closed', confirmed: true, rating: null, closedAt: NOW },
      timeline: { type: 'confirmed', note: '登记人确认办结（不计入满意率）' },
    })
  })

  test('a resident report cannot be closed by confirmation', () => {
    const reporter = { id: 'u_rep', kinds: new Set<ActorKind>(['reporter']) }
    expect(transition(order('resolved'), reporter, { type: 'confirm', note: '' }, NOW, CATEGORY)).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '居民上报的工单由上报人评价',
    })
  })

  test('a department officer who also works the grid handles a transferred order as the department', () => {
    const officer = { id: 'u_d', kinds: new Set<ActorKind>(['handler']) }
    const held = order('dispatched', { departmentId: 'dp_cc' })
    expect(transition(held, officer, { type: 'accept' }, NOW, CATEGORY)).toMatchObject({
      ok: true,
      order: { state: 'accepted', handlerId: 'u_d', departmentId: 'dp_cc', gridId: 'gd' },
    })
  })
})
