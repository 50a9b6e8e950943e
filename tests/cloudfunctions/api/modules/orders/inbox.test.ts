/**
 * 待办 at scale: every filter is part of the indexed query, so every page but the last is full; orders a
 * department holds leave the grid's queue for the department's and show under 已转派; a person with
 * several roles has several queues.
 */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { IN_NZ01, OUTSIDE, makeStaff, rid } from '../../../../helpers/orders'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { userIdFor } from '../../../../../cloudfunctions/api/users'

const worker = demoOpenId('grid_worker')
const streetAdmin = demoOpenId('street_admin')

interface Page {
  items: { id: string; categoryId: string; state: string; overdue: boolean }[]
  nextCursor: string | null
  queue: string | null
  queues: string[]
}

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const inbox = async (who: string, payload: Record<string, unknown> = {}) =>
  dataOf<Page>(await api.call(who, 'orders.inbox', payload))

/** `n` snaps of a category in 南张社区第一网格, from several reporters (each may report 10 an hour). */
async function snaps(n: number, categoryId: string, tag: string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const payload = { source: 'snap', categoryId, text: `${tag} ${i}`, location: IN_NZ01 }
    ids.push(
      dataOf<{ id: string }>(await api.call(`wx-${tag}-${Math.floor(i / 9)}`, 'orders.create', payload, rid())).id,
    )
    api.clock.advance(1000)
  }
  return ids
}

/** Every page of a filtered 待办, with each page's size. */
async function allPages(who: string, payload: Record<string, unknown>) {
  const sizes: number[] = []
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const page = await inbox(who, { ...payload, ...(cursor ? { cursor } : {}) })
    sizes.push(page.items.length)
    ids.push(...page.items.map((o) => o.id))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return { sizes, ids }
}

test('a category filter gives full pages: 26 matching among 51 come as 20 + 6', async () => {
  const facility: string[] = []
  for (let round = 0; round < 5; round++) {
    facility.push(...(await snaps(5, 'cat_facility', `fac${round}`)))
    await snaps(5, 'cat_hygiene', `hyg${round}`)
  }
  const { sizes, ids } = await allPages(worker, { categoryId: 'cat_facility' })
  expect(sizes).toEqual([20, 6]) // the 25 snaps and the seeded roof leak (设施损坏)
  expect(ids.sort()).toEqual([...facility, 'od_demo_roof'].sort())
})

test('source, state and overdue are filters of the query too', async () => {
  const [snapped] = await snaps(1, 'cat_traffic', 'src')
  const patrol = {
    source: 'patrol',
    categoryId: 'cat_traffic',
    text: '巡查发现占道',
    gridId: 'gd_nz_01',
    location: IN_NZ01,
  }
  const filed = dataOf<{ id: string }>(await api.call(worker, 'orders.create', patrol, rid())).id
  expect((await inbox(worker, { source: 'patrol' })).items.map((o) => o.id)).toEqual([filed])
  expect((await inbox(worker, { source: 'snap', categoryId: 'cat_traffic' })).items.map((o) => o.id)).toEqual([snapped])
  dataOf(await api.call(worker, 'orders.act', { orderId: filed, event: { type: 'accept' } }, rid()))
  expect((await inbox(worker, { state: 'accepted' })).items.map((o) => o.id)).toEqual([filed])
  expect((await inbox(worker, { overdue: true })).items).toEqual([])
  api.clock.advance(5 * 3600_000) // 交通秩序 must be accepted within 4 h; the seeded orders are late too
  const late = (await inbox(worker, { overdue: true, categoryId: 'cat_traffic' })).items
  expect(late.map((o) => [o.id, o.overdue])).toEqual([[snapped, true]])
})

test('an order transferred to a department leaves the grid queue for the department desk and 已转派', async () => {
  const [order] = await snaps(1, 'cat_traffic', 'tr')
  const transfer = { type: 'transfer', departmentId: 'dp_chuangcheng', reason: '需创城办协调' }
  dataOf(await api.call(worker, 'orders.act', { orderId: order, event: transfer }, rid()))
  expect((await inbox(worker)).items.map((o) => o.id)).not.toContain(order)
  const transferred = await inbox(worker, { queue: 'transferred' })
  expect([transferred.queue, transferred.items.map((o) => o.id)]).toEqual(['transferred', [order]])
  const desk = await inbox(demoOpenId('civic_officer'))
  expect([desk.queue, desk.queues, desk.items.map((o) => o.id)]).toEqual(['department', ['department'], [order]])
})

test('a grid worker who is also department staff has both queues', async () => {
  const both = await makeStaff(api, streetAdmin, { role: 'grid_worker', gridIds: ['gd_nz_01'] }, 'wx-both')
  await makeStaff(api, streetAdmin, { role: 'department', departmentId: 'dp_police' }, both)
  const [order] = await snaps(1, 'cat_safety', 'both')
  const first = await inbox(both)
  expect([first.queue, first.queues]).toEqual(['grid', ['grid', 'transferred', 'department']])
  expect(first.items.map((o) => o.id)).toContain(order)
  const transfer = { type: 'transfer', departmentId: 'dp_police', reason: '涉及治安' }
  dataOf(await api.call(worker, 'orders.act', { orderId: order, event: transfer }, rid()))
  expect((await inbox(both, { queue: 'department' })).items.map((o) => o.id)).toEqual([order])
})

test("the street admin's queue holds reports outside every grid, waiting for dispatch", async () => {
  const payload = { source: 'snap', categoryId: 'cat_hygiene', text: '路边垃圾', location: OUTSIDE }
  const queued = dataOf<{ id: string }>(await api.call('wx-passer', 'orders.create', payload, rid())).id
  const page = await inbox(streetAdmin)
  expect([page.queue, page.items.map((o) => [o.id, o.state])]).toEqual(['street', [[queued, 'submitted']]])
  expect((await inbox(streetAdmin, { categoryId: 'cat_traffic' })).items).toEqual([])
})

test('asking for a queue one does not have answers one of one’s own', async () => {
  expect(await inbox(demoOpenId('community_admin'), { queue: 'street' })).toMatchObject({
    queue: 'community',
    queues: ['community'],
  })
})

describe('代办: the resident a worker filed for', () => {
  const proxy = (onBehalfOf: string) => ({
    source: 'proxy',
    categoryId: 'cat_facility',
    text: '老人反映楼道灯坏了',
    gridId: 'gd_nz_01',
    onBehalfOf,
  })

  test('staff see the resident’s name, building and room on the 待办 item and the detail', async () => {
    // mb_seed_0_1: 钱国强, registered offline in 南张社区第一网格, 2号楼2单元202
    const filed = dataOf<{ id: string }>(await api.call(worker, 'orders.create', proxy('mb_seed_0_1'), rid())).id
    const item = (await inbox(worker, { source: 'proxy' })).items[0] as unknown as { id: string; onBehalf: unknown }
    expect(item).toMatchObject({ id: filed, onBehalf: { name: '钱国强', address: '2号楼2单元202' } })
    const detail = dataOf<{ onBehalf: unknown }>(
      await api.call(demoOpenId('community_admin'), 'orders.get', { orderId: filed }),
    )
    expect(detail.onBehalf).toEqual({ name: '钱国强', address: '2号楼2单元202' })
  })

  test('when that resident joins with the same name and address, the order becomes theirs to follow', async () => {
    const filed = dataOf<{ id: string }>(await api.call(worker, 'orders.create', proxy('mb_seed_0_1'), rid())).id
    const code = String((await api.deps.store.get('grids', 'gd_nz_01'))?.joinCode)
    expect(await api.call('wx-qian', 'orders.get', { orderId: filed })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const join = { code, realName: '钱国强', building: '2', unit: '2', room: '202' }
    dataOf(await api.call('wx-qian', 'grids.join', join, rid()))
    const mine = dataOf<{ items: { id: string; onBehalf: unknown }[] }>(
      await api.call('wx-qian', 'orders.mine', { whose: 'proxied' }),
    )
    expect(mine.items.map((o) => [o.id, o.onBehalf])).toEqual([[filed, null]])
    expect(dataOf<{ id: string }>(await api.call('wx-qian', 'orders.get', { orderId: filed })).id).toBe(filed)
    expect(await api.deps.store.get('memberships', 'mb_seed_0_1')).toMatchObject({
      active: false,
      claimedBy: userIdFor('wx-qian'),
    })
    const someoneElse = { code, realName: '钱国强', building: '2', unit: '2', room: '203' }
    dataOf(await api.call('wx-qian-2', 'grids.join', someoneElse, rid()))
    expect(
      dataOf<{ items: unknown[] }>(await api.call('wx-qian-2', 'orders.mine', { whose: 'proxied' })).items,
    ).toEqual([])
  })
})

test('a report outside every grid goes to the queue of the street whose grids are nearest', async () => {
  // 古槐's grids start at lat 35.43, lng 116.618; this point is ~300 m south of them and ~2 km from 南张's.
  const nearGuhuai = { lat: 35.4273, lng: 116.625 }
  const payload = { source: 'snap', categoryId: 'cat_hygiene', text: '路边垃圾', location: nearGuhuai }
  const queued = dataOf<{ id: string; no: string }>(await api.call('wx-outside', 'orders.create', payload, rid()))
  expect(queued.no).toBe('GH-20261123-0001')
  expect((await inbox(demoOpenId('gh_street_admin'))).items.map((o) => o.id)).toEqual([queued.id])
  expect((await inbox(streetAdmin)).items.map((o) => o.id)).toEqual([])
  // and one just south of 南张 goes to 南张's, though 古槐街道 sorts first by name
  const nearNanzhang = { ...payload, location: OUTSIDE }
  const other = dataOf<{ id: string; no: string }>(await api.call('wx-outside-2', 'orders.create', nearNanzhang, rid()))
  expect(other.no).toBe('NZ-20261123-0001')
  expect((await inbox(streetAdmin)).items.map((o) => o.id)).toEqual([other.id])
})
