/**
 * The staff desk (issue 10): counts that move with the work, a badge that counts each item once, a department's
 * desk named by its department with the grids it entered, and a 楼长 who serves their own building only.
 */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { IN_NZ01, rid } from '../../../../helpers/orders'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import type { Desk } from '../../../../../types'

const worker = demoOpenId('grid_worker')
const police = demoOpenId('department')
const head = demoOpenId('building_head')
const resident = demoOpenId('resident')

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const desk = async (who: string) => dataOf<Desk>(await api.call(who, 'desk.get', {}))
const gridCount = (d: Desk) => d.queues.find((q) => q.queue === 'grid')

async function snap(text: string): Promise<string> {
  const payload = { source: 'snap', categoryId: 'cat_hygiene', text, location: IN_NZ01 }
  return dataOf<{ id: string }>(await api.call(`wx-desk-${text}`, 'orders.create', payload, rid())).id
}

test("a grid worker's counts move with the work, and the badge counts each item once", async () => {
  const before = await desk(worker)
  const start = gridCount(before)
  if (!start) throw new Error('grid queue missing')
  const ids = [await snap('垃圾一'), await snap('垃圾二'), await snap('垃圾三')]
  const after = await desk(worker)
  expect(gridCount(after)).toMatchObject({ pending: start.pending + 3, working: start.working })
  expect(after.badge).toBe(before.badge + 3)

  dataOf(await api.call(worker, 'orders.act', { orderId: ids[0], event: { type: 'accept' } }, rid()))
  const taken = await desk(worker)
  expect(gridCount(taken)).toMatchObject({ pending: start.pending + 2, working: start.working + 1 })
  expect(taken.badge).toBe(before.badge + 2)

  // A week on, all three are past their deadlines: the two untaken are already in the badge, the taken one joins it
  // (questions waiting for a reply count too, the seed's included).
  api.clock.advance(7 * 24 * 3600_000)
  const late = await desk(worker)
  const lateCount = gridCount(late)
  expect(lateCount?.overdue).toBeGreaterThanOrEqual(3)
  expect(late.badge).toBeGreaterThanOrEqual(before.badge + 3)
  // The badge equals 待接单 plus taken-and-late: computed here from the 待办 lists themselves.
  const list = async (payload: Record<string, unknown>) =>
    dataOf<{ total: number | null }>(await api.call(worker, 'orders.inbox', { ...payload, withTotal: true })).total
  const pending = (await list({ queue: 'grid', state: 'dispatched' })) ?? -1
  const takenLate = (await list({ queue: 'grid', state: 'working', overdue: true })) ?? -1
  expect(late.badge).toBe(pending + takenLate + late.questions.pending)
  expect(lateCount?.pending).toBe(pending)
  expect(lateCount?.working).toBe(await list({ queue: 'grid', state: 'working' }))
  expect(lateCount?.overdue).toBe(await list({ queue: 'grid', overdue: true }))
  // The most urgent come first and are the worker's own.
  expect(late.urgent.length).toBeGreaterThan(0)
  const dues = late.urgent.map((o) => o.dueAt ?? 0)
  expect(dues).toEqual([...dues].sort((a, b) => a - b))
  expect(late.grids.map((g) => g.id)).toEqual(['gd_nz_01', 'gd_nz_02'])
  expect(late.filings.find((f) => f.gridId === 'gd_nz_01')?.kinds).toEqual(['patrol', 'proxy'])
})

test('a department desk is named by its department, lists the grids it entered, and files 巡查 there only', async () => {
  const d = await desk(police)
  expect(d.departments).toHaveLength(1)
  expect(d.departments[0]).toMatchObject({ id: 'dp_police', name: '警务' })
  expect(d.departments[0]?.grids).toHaveLength(12)
  expect(d.queues.map((q) => q.queue)).toEqual(['department'])
  expect(d.filings.every((f) => f.kinds.join() === 'patrol')).toBe(true)

  const patrol = { source: 'patrol', categoryId: 'cat_hygiene', text: '巡逻发现占道经营', gridId: 'gd_nz_03' }
  const filed = await api.call(police, 'orders.create', patrol, rid())
  expect(filed).toMatchObject({ ok: true, data: { state: 'dispatched', gridName: '南张社区第三网格' } })
  const timeline = dataOf<{ timeline: { actorLabel: string }[] }>(filed).timeline
  expect(timeline[0]?.actorLabel).toBe('警务 赵警官')
  // Not in 古槐's grids, and never a 代办.
  const elsewhere = await api.call(police, 'orders.create', { ...patrol, gridId: 'gd_gh_01' }, rid())
  expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const proxy = { ...patrol, source: 'proxy', onBehalfOf: 'mb_seed_0_1' }
  expect(await api.call(police, 'orders.create', proxy, rid())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
})

test('a 楼长 sees no 待办 queue, reads their own building masked, and files 代办 for its residents only', async () => {
  const d = await desk(head)
  expect(d.queues).toEqual([])
  expect(d.badge).toBe(0)
  expect(d.buildings).toEqual([{ gridId: 'gd_nz_01', gridName: '南张社区第一网格', building: '3' }])
  expect(d.filings).toEqual([{ gridId: 'gd_nz_01', gridName: '南张社区第一网格', kinds: ['proxy'] }])

  // A neighbour in building 3 without a phone, and someone in building 5.
  const offline = async (building: string, name: string) =>
    dataOf<{ id: string }>(
      await api.call(
        worker,
        'grids.registerOffline',
        { gridId: 'gd_nz_01', name, building, unit: '1', room: '101', phone: '13912345678' },
        rid(),
      ),
    ).id
  const neighbour = await offline('3', '邻居老周')
  const farther = await offline('5', '五号楼老吴')
  const building = dataOf<{ building: string; items: { id: string; name: string; phoneMasked: string | null }[] }>(
    await api.call(head, 'desk.building', { gridId: 'gd_nz_01' }),
  )
  expect(building.building).toBe('3')
  expect(building.items.map((m) => m.id)).toContain(neighbour)
  expect(building.items.map((m) => m.id)).not.toContain(farther)
  expect(building.items.find((m) => m.id === neighbour)?.phoneMasked).toBe('139****5678')
  expect(JSON.stringify(building)).not.toContain('13912345678')

  const proxy = (onBehalfOf: string) => ({
    source: 'proxy',
    categoryId: 'cat_hygiene',
    text: '楼道灯不亮',
    gridId: 'gd_nz_01',
    onBehalfOf,
  })
  const ok = await api.call(head, 'orders.create', proxy(neighbour), rid())
  expect(ok).toMatchObject({ ok: true, data: { source: 'proxy' } })
  expect(dataOf<{ timeline: { actorLabel: string }[] }>(ok).timeline[0]?.actorLabel).toBe('楼长 王建国')
  expect(await api.call(head, 'orders.create', proxy(farther), rid())).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: [{ path: 'onBehalfOf' }] },
  })
  const patrol = { ...proxy(neighbour), source: 'patrol' }
  expect(await api.call(head, 'orders.create', patrol, rid())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  // Another grid's building list, and a resident asking for one: refused.
  expect(await api.call(head, 'desk.building', { gridId: 'gd_nz_02' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(await api.call(resident, 'desk.building', { gridId: 'gd_nz_01' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
})

test('a resident has an empty desk', async () => {
  const d = await desk(resident)
  expect(d).toMatchObject({ queues: [], badge: 0, urgent: [], grids: [], departments: [], buildings: [], filings: [] })
})
