/** Work orders through the real dispatcher on SQLite: stories 3 and 5, routing, races, limits, jobs. */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { IN_NZ01, OUTSIDE, makeStaff, rid, uploadPhoto } from '../../../../helpers/orders'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { REPORTS_PER_HOUR } from '../../../../../cloudfunctions/api/quota'

const rider = demoOpenId('rider')
const worker = demoOpenId('grid_worker')
const communityAdmin = demoOpenId('community_admin')
const streetAdmin = demoOpenId('street_admin')
type Detail = {
  id: string
  no: string
  state: string
  gridName: string | null
  departmentName: string | null
  can: string[]
  timeline: { type: string; note: string; actorLabel: string; staffOnly: boolean; photoUrls: string[] }[]
  supervised: boolean
  escalation: string
  rating: string | null
  reporterName: string
}

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const snap = (who: string, extra: Record<string, unknown> = {}, requestId = rid()) =>
  api.call(
    who,
    'orders.create',
    { source: 'snap', categoryId: 'cat_traffic', text: '僵尸车占道，轮胎都瘪了', location: IN_NZ01, ...extra },
    requestId,
  )

describe('story 3 + 5: a rider snaps a zombie car and the loop runs to 满意', () => {
  test('routing, 待办, accept, transfer to 创城, resolve with an after-photo, timeline, rating', async () => {
    const photo = await uploadPhoto(api, userIdFor(rider))
    const created = dataOf<Detail>(await snap(rider, { photos: [photo] }))
    expect(created).toMatchObject({ state: 'dispatched', gridName: '南张社区第一网格' })

    // The worker's 待办 by deadline: the two seeded orders of 南张社区第一网格, then the new one (4 h to accept).
    const seeded = ['od_demo_roof', 'od_demo_pension']
    const inbox = dataOf<{ items: { id: string; state: string }[] }>(await api.call(worker, 'orders.inbox', {}))
    expect(inbox.items.map((o) => o.id)).toEqual([...seeded, created.id])

    const accepted = dataOf<Detail>(
      await api.call(worker, 'orders.act', { orderId: created.id, event: { type: 'accept' } }, rid()),
    )
    expect(accepted.state).toBe('accepted')
    expect(accepted.can).toEqual(['start', 'note', 'resolve', 'reject', 'merge', 'transfer'])

    const officer = await makeStaff(
      api,
      streetAdmin,
      { role: 'department', departmentId: 'dp_chuangcheng' },
      'wx-chuangcheng-officer',
    )
    const transferred = dataOf<Detail>(
      await api.call(
        worker,
        'orders.act',
        {
          orderId: created.id,
          event: { type: 'transfer', departmentId: 'dp_chuangcheng', reason: '需创城办协调物业拖车' },
        },
        rid(),
      ),
    )
    expect(transferred).toMatchObject({ state: 'dispatched', departmentName: '创城' })
    expect(
      dataOf<{ items: { id: string }[] }>(await api.call(officer, 'orders.inbox', {})).items.map((o) => o.id),
    ).toEqual([created.id])
    expect(
      dataOf<{ items: { id: string }[] }>(await api.call(worker, 'orders.inbox', {})).items.map((o) => o.id),
    ).toEqual(seeded)

    dataOf(await api.call(officer, 'orders.act', { orderId: created.id, event: { type: 'accept' } }, rid()))
    dataOf(
      await api.call(
        officer,
        'orders.act',
        { orderId: created.id, event: { type: 'note', note: '内部：已联系车主家属', staffOnly: true } },
        rid(),
      ),
    )
    const after = await uploadPhoto(api, userIdFor(officer))
    const resolved = dataOf<Detail>(
      await api.call(
        officer,
        'orders.act',
        { orderId: created.id, event: { type: 'resolve', note: '已协调物业拖走', photos: [after] } },
        rid(),
      ),
    )
    expect(resolved.state).toBe('resolved')

    const seen = dataOf<Detail>(await api.call(rider, 'orders.get', { orderId: created.id }))
    expect(seen.timeline.map((t) => t.type)).toEqual([
      'submitted',
      'dispatched',
      'accepted',
      'transferred',
      'accepted',
      'resolved',
    ])
    expect(seen.timeline.some((t) => t.staffOnly)).toBe(false)
    expect(seen.timeline.at(-1)?.photoUrls).toHaveLength(1)
    expect(seen.can).toEqual(['rate'])

    const closed = dataOf<Detail>(
      await api.call(
        rider,
        'orders.act',
        { orderId: created.id, event: { type: 'rate', rating: 'satisfied', comment: '处理很快' } },
        rid(),
      ),
    )
    expect(closed).toMatchObject({ state: 'closed', rating: 'satisfied' })
    // The rider hears every step someone else took (not their own report), sorted: the steps share one instant.
    const messages = dataOf<{ items: { title: string; body: string; link: string | null }[] }>(
      await api.call(rider, 'messages.list', {}),
    )
    // Asked to rate, the reporter's message opens the order at its rating form.
    expect(messages.items.find((m) => m.title === '您的上报已办结，请评价')?.link).toBe(
      `/packages/orders/pages/detail/index?id=${created.id}&act=rate`,
    )
    expect(messages.items.map((m) => `${m.title} ${m.body}`).sort()).toEqual(
      [
        `您的上报已受理 工单 ${created.no}`,
        `您的上报已转交部门办理 工单 ${created.no}：转派至创城：需创城办协调物业拖车`,
        `您的上报已受理 工单 ${created.no}`,
        `您的上报已办结，请评价 工单 ${created.no}：已协调物业拖走`,
      ].sort(),
    )
  })
})

describe('routing', () => {
  test('inside a grid → that grid, dispatched; outside all grids → the street queue', async () => {
    expect(dataOf<Detail>(await snap(rider))).toMatchObject({ state: 'dispatched', gridName: '南张社区第一网格' })
    const outside = dataOf<Detail>(await snap(rider, { location: OUTSIDE }))
    expect(outside).toMatchObject({ state: 'submitted', gridName: null, escalation: 'street' })
    const queue = dataOf<{ items: { id: string }[] }>(await api.call(streetAdmin, 'orders.inbox', {}))
    expect(queue.items.map((o) => o.id)).toEqual([outside.id])
    const dispatched = dataOf<Detail>(
      await api.call(
        streetAdmin,
        'orders.act',
        { orderId: outside.id, event: { type: 'dispatch', gridId: 'gd_xz_01' } },
        rid(),
      ),
    )
    expect(dispatched).toMatchObject({ state: 'dispatched', gridName: '辛闸社区第一网格' })
  })

  test('a snap without a location is refused; a demand falls back to the home grid', async () => {
    expect(await snap(rider, { location: undefined })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'location' }] },
    })
    const demand = dataOf<Detail>(
      await api.call(
        demoOpenId('resident'),
        'orders.create',
        { source: 'demand', categoryId: 'cat_other', text: '楼道灯坏了' },
        rid(),
      ),
    )
    expect(demand.gridName).toBe('南张社区第一网格')
  })

  test('coordinates out of range and a stranger’s photo are VALIDATION; nothing is stored', async () => {
    expect(await snap(rider, { location: { lat: 95, lng: 116 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    const theirs = await uploadPhoto(api, userIdFor(worker))
    expect(await snap(rider, { photos: [theirs] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'photos.0' }] },
    })
    expect(await snap(rider, { photos: ['local:whatever/x.jpg', 'a', 'b', 'c'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await snap(rider, { text: '这里有人卖冰毒' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    expect(dataOf<{ items: unknown[] }>(await api.call(rider, 'orders.mine', {})).items).toEqual([])
  })
})

describe('duplicates, anonymity', () => {
  test('open reports of the same category within ~100 m are suggested; 我也遇到 counts; 3 repeats make it joint', async () => {
    const first = dataOf<Detail>(await snap(rider))
    const near = { lat: IN_NZ01.lat + 0.0005, lng: IN_NZ01.lng } // ≈ 55 m north
    const far = { lat: IN_NZ01.lat + 0.003, lng: IN_NZ01.lng } // ≈ 330 m
    expect(
      dataOf<{ items: { id: string; distanceMetres: number }[] }>(
        await api.call('wx-a', 'orders.suggestDuplicates', { categoryId: 'cat_traffic', location: near }),
      ).items,
    ).toEqual([expect.objectContaining({ id: first.id, distanceMetres: 56 })])
    expect(
      dataOf<{ items: unknown[] }>(
        await api.call('wx-a', 'orders.suggestDuplicates', { categoryId: 'cat_traffic', location: far }),
      ).items,
    ).toEqual([])
    expect(
      dataOf<{ items: unknown[] }>(
        await api.call('wx-a', 'orders.suggestDuplicates', { categoryId: 'cat_hygiene', location: near }),
      ).items,
    ).toEqual([])
    for (const who of ['wx-a', 'wx-b', 'wx-c']) {
      await api.call(who, 'orders.suggestDuplicates', { categoryId: 'cat_traffic', location: near })
      dataOf(await api.call(who, 'orders.metoo', { orderId: first.id }, rid()))
    }
    expect(await api.call('wx-a', 'orders.metoo', { orderId: first.id }, rid())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    })
    expect(
      dataOf<{ joint: string; repeatCount: number }>(await api.call(worker, 'orders.get', { orderId: first.id })),
    ).toMatchObject({ joint: 'repeat', repeatCount: 3 })
    api.clock.advance(8 * 24 * 3600_000)
    expect(
      dataOf<{ items: unknown[] }>(
        await api.call('wx-a', 'orders.suggestDuplicates', { categoryId: 'cat_traffic', location: near }),
      ).items,
    ).toEqual([])
  })

  test('an anonymous reporter is hidden from followers but not from staff', async () => {
    const order = dataOf<Detail>(await snap(rider, { anonymous: true }))
    await api.call('wx-a', 'orders.suggestDuplicates', { categoryId: 'cat_traffic', location: IN_NZ01 })
    dataOf(await api.call('wx-a', 'orders.metoo', { orderId: order.id }, rid()))
    expect(dataOf<Detail>(await api.call('wx-a', 'orders.get', { orderId: order.id })).reporterName).toBe('匿名居民')
    expect(dataOf<Detail>(await api.call(worker, 'orders.get', { orderId: order.id })).reporterName).toBe('李师傅')
    expect(dataOf<Detail>(await api.call(rider, 'orders.get', { orderId: order.id })).reporterName).toBe('我')
    expect(await api.call('wx-stranger', 'orders.get', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('concurrency and limits', () => {
  // Both calls go through one dispatcher whose store work is serialised by one FIFO lock, with the same awaits
  // in the same order: both read the order (version n) before either commits, so the loser's versioned write
  // fails and it gets CONFLICT. INVALID_TRANSITION is what a worker gets who reads after the commit (below).
  test('two workers accepting the same order at once: exactly one wins, the other gets CONFLICT', async () => {
    const second = await makeStaff(api, streetAdmin, { role: 'grid_worker', gridIds: ['gd_nz_01'] }, 'wx-second-worker')
    for (let round = 0; round < 5; round++) {
      const order = dataOf<Detail>(await snap(rider))
      const results = await Promise.all(
        [worker, second].map((who) =>
          api.call(who, 'orders.act', { orderId: order.id, event: { type: 'accept' } }, rid()),
        ),
      )
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      const loser = results.find((r) => !r.ok)
      expect(loser).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该工单已被他人接单' } })
      const after = dataOf<{ timeline: { type: string }[] }>(
        await api.call(worker, 'orders.get', { orderId: order.id }),
      )
      expect(after.timeline.filter((t) => t.type === 'accepted')).toHaveLength(1)
      expect(await api.call(second, 'orders.act', { orderId: order.id, event: { type: 'accept' } }, rid())).toEqual({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '工单当前状态为“已接单”，不能执行此操作' },
      })
    }
  })

  test('a retried submit (same requestId, 20 at once) creates one order', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => snap(rider, {}, 'same-submit-0001')))
    expect(new Set(results.map((r) => (r.ok ? (r.data as { id: string }).id : 'error'))).size).toBe(1)
    expect(dataOf<{ items: unknown[] }>(await api.call(rider, 'orders.mine', {})).items).toHaveLength(1)
  })

  test(`at most ${REPORTS_PER_HOUR} reports an hour, also when 15 arrive at once; the next hour opens again`, async () => {
    const results = await Promise.all(Array.from({ length: 15 }, () => snap(rider)))
    expect(results.filter((r) => r.ok)).toHaveLength(REPORTS_PER_HOUR)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true)
    api.clock.advance(61 * 60_000)
    expect((await snap(rider)).ok).toBe(true)
  })
})

describe('deadlines, 督办 and auto-close', () => {
  test('an unaccepted order past its deadline escalates to the community, then the street, and shows as 督办', async () => {
    const order = dataOf<Detail>(await snap(rider))
    expect(dataOf<{ items: unknown[] }>(await api.call(communityAdmin, 'orders.overdue', {})).items).toEqual([])
    api.clock.advance(4 * 3600_000 + 60_000) // 交通秩序: accept within 4 h
    // This order and the three seeded ones (2 in 南张, 1 in 古槐), whose 4-hour accept deadlines passed too.
    expect((await api.tick()).counts.escalated).toBe(4)
    expect((await api.tick()).counts.escalated).toBe(0)
    const overdue = dataOf<{ items: { id: string; overdue: boolean; supervised: boolean }[] }>(
      await api.call(communityAdmin, 'orders.overdue', {}),
    )
    expect(overdue.items.map((o) => [o.id, o.overdue, o.supervised])).toEqual([
      ['od_demo_roof', true, true],
      ['od_demo_pension', true, true],
      [order.id, true, true],
    ])
    expect(dataOf<Detail>(await api.call(communityAdmin, 'orders.get', { orderId: order.id })).escalation).toBe(
      'community',
    )
    api.clock.advance(24 * 3600_000)
    await api.tick()
    expect(dataOf<Detail>(await api.call(streetAdmin, 'orders.get', { orderId: order.id })).escalation).toBe('street')
    const reminded = dataOf<Detail>(
      await api.call(
        communityAdmin,
        'orders.act',
        { orderId: order.id, event: { type: 'remind', note: '请今天内接单' } },
        rid(),
      ),
    )
    expect(reminded.timeline.at(-1)).toMatchObject({ type: 'reminded', note: '请今天内接单' })
    const inbox = dataOf<{ items: { title: string; body: string; link: string }[] }>(
      await api.call(worker, 'messages.list', {}),
    )
    // What the worker heard about this order; the last two steps share one instant, so sorted.
    expect(
      inbox.items
        .filter((m) => m.link === `/packages/orders/pages/detail/index?id=${order.id}`)
        .map((m) => `${m.title} ${m.body}`)
        .sort(),
    ).toEqual(
      [
        `有新工单待接单 工单 ${order.no}：僵尸车占道，轮胎都瘪了`,
        `工单超期，已上报督办 工单 ${order.no}：超期未办，已上报社区督办`,
        `工单超期，已上报督办 工单 ${order.no}：超期未办，已上报街道督办`,
        `督办提醒：请尽快办理 工单 ${order.no}：请今天内接单`,
      ].sort(),
    )
  })

  test('an unrated resolved order closes itself after 7 days, recorded as such', async () => {
    const order = dataOf<Detail>(await snap(rider))
    dataOf(await api.call(worker, 'orders.act', { orderId: order.id, event: { type: 'accept' } }, rid()))
    dataOf(
      await api.call(
        worker,
        'orders.act',
        { orderId: order.id, event: { type: 'resolve', note: '已联系车主挪走车辆', photos: [] } },
        rid(),
      ),
    )
    api.clock.advance(6 * 24 * 3600_000)
    expect((await api.tick()).counts.autoClosed).toBe(0)
    api.clock.advance(24 * 3600_000)
    expect((await api.tick()).counts.autoClosed).toBe(1)
    expect(
      dataOf<Detail & { autoClosed: boolean }>(await api.call(rider, 'orders.get', { orderId: order.id })),
    ).toMatchObject({ state: 'closed', autoClosed: true })
  })

  test('a worker cannot accept an order of another grid', async () => {
    const order = dataOf<Detail>(await snap(rider, { location: { lat: 35.4068, lng: 116.5806 } }))
    expect(order.gridName).toBe('安居社区第一网格')
    expect(await api.call(worker, 'orders.act', { orderId: order.id, event: { type: 'accept' } }, rid())).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    )
  })
})

test('the reply to a report is the order as reading it back shows it, timeline included, also for a retried tap', async () => {
  const payload = { source: 'snap', categoryId: 'cat_traffic', text: '僵尸车占道', location: IN_NZ01 }
  const requestId = rid()
  const created = dataOf<{ id: string; timeline: { type: string }[] }>(
    await api.call(rider, 'orders.create', payload, requestId),
  )
  expect(created.timeline.map((t) => t.type)).toEqual(['submitted', 'dispatched'])
  expect(dataOf(await api.call(rider, 'orders.get', { orderId: created.id }))).toEqual(created)
  expect(dataOf(await api.call(rider, 'orders.create', payload, requestId))).toEqual(created)
})
