/**
 * The holes found when the product was tried as a new user and as an attacker would, one test each
 * (issue "Every action knows where it may act"). Each of these failed on the code before place-scoped
 * authorization; the two streets are 南张街道 (st_nanzhang) and 古槐街道 (st_guhuai).
 */
import { createTestApi, dataOf, type TestApi } from '../../helpers/api'
import { FAR_AWAY, IN_GH01, IN_NZ01, OUTSIDE, makeStaff, rid, uploadPhoto } from '../../helpers/orders'
import { demoOpenId } from '../../../scripts/seed/demo'
import { userIdFor } from '../../../cloudfunctions/api/users'

const streetAdmin = demoOpenId('street_admin')
const communityAdmin = demoOpenId('community_admin') // 孙主任, 南张社区
const worker = demoOpenId('grid_worker') // 刘晓燕, gd_nz_01 + gd_nz_02
const rider = demoOpenId('rider')
const ghStreetAdmin = demoOpenId('gh_street_admin')
const ghResident = demoOpenId('gh_resident')

interface Invite {
  id: string
  code: string | null
  codeMasked: string
  role: string
  scopeLabel: string
}
interface Detail {
  id: string
  text: string
  state: string
  location: { lat: number; lng: number } | null
  photoUrls: string[]
  can: string[]
  confirmed: boolean
  rating: string | null
  timeline: { type: string; note: string; staffOnly: boolean }[]
  hiddenNumbers: { field: string; entryId: string | null; index: number; masked: string }[]
}

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const invite = async (issuer: string, payload: Record<string, unknown>) =>
  dataOf<Invite>(await api.call(issuer, 'invites.create', payload, rid('inv')))
const listOf = async <T>(who: string, action: string, payload: Record<string, unknown> = {}) =>
  dataOf<{ items: T[] }>(await api.call(who, action, payload)).items

describe('invites', () => {
  test("a community admin's list shows only invites in their community below their own role, codes masked", async () => {
    const mine = await invite(streetAdmin, { role: 'grid_worker', gridIds: ['gd_nz_01'] })
    await invite(streetAdmin, { role: 'grid_worker', gridIds: ['gd_aj_01'] })
    await invite(streetAdmin, { role: 'street_admin' })
    await invite(streetAdmin, { role: 'community_admin', communityId: 'cm_nanzhang' })
    await invite(streetAdmin, { role: 'department', departmentId: 'dp_police' })
    expect(mine.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    const seen = await listOf<Invite>(communityAdmin, 'invites.list')
    expect(seen.map((i) => [i.id, i.role, i.code])).toEqual([[mine.id, 'grid_worker', null]])
    expect(seen[0]?.codeMasked).toBe(`${mine.code?.slice(0, 2)}******${mine.code?.slice(-2)}`)
    expect((await listOf<Invite>(streetAdmin, 'invites.list')).map((i) => i.code)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
    expect(await listOf<Invite>(ghStreetAdmin, 'invites.list')).toEqual([])
  })

  test('revealing a code is allowed only in scope and below one’s role, and every reveal is in the audit log', async () => {
    const own = await invite(streetAdmin, { role: 'grid_worker', gridIds: ['gd_nz_01'] })
    const above = await invite(streetAdmin, { role: 'street_admin' })
    expect(await api.call(communityAdmin, 'invites.reveal', { id: above.id }, rid())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await api.call(communityAdmin, 'invites.revoke', { id: above.id }, rid())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(dataOf<Invite>(await api.call(communityAdmin, 'invites.reveal', { id: own.id }, rid())).code).toBe(own.code)
    const log = await listOf<{ action: string; detail: string }>(communityAdmin, 'audit.list')
    expect(log.filter((e) => e.action === 'invite.reveal').map((e) => e.detail)).toEqual([
      `查看完整邀请码 ${own.codeMasked}：网格员（南张社区第一网格）`,
    ])
  })

  test('a community admin cannot issue a grant beside or above their own, nor for another community', async () => {
    for (const payload of [
      { role: 'community_admin', communityId: 'cm_nanzhang' },
      { role: 'street_admin' },
      { role: 'department', departmentId: 'dp_police' },
      { role: 'grid_worker', gridIds: ['gd_aj_01'] },
    ])
      expect(await api.call(communityAdmin, 'invites.create', payload, rid())).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
  })
})

test("a community admin's audit log holds only their community's entries; another street's admin sees none of them", async () => {
  dataOf(await api.call(worker, 'grids.members', { gridId: 'gd_nz_01' }))
  dataOf(await api.call('seed:worker:4', 'grids.members', { gridId: 'gd_aj_01' }))
  const ofCommunity = await listOf<{ action: string; targetId: string }>(communityAdmin, 'audit.list')
  expect(ofCommunity.filter((e) => e.action === 'records.lookup').map((e) => e.targetId)).toEqual(['gd_nz_01'])
  const ofStreet = await listOf<{ action: string; targetId: string }>(streetAdmin, 'audit.list')
  expect(
    ofStreet
      .filter((e) => e.action === 'records.lookup')
      .map((e) => e.targetId)
      .sort(),
  ).toEqual(['gd_aj_01', 'gd_nz_01'])
  const ofOther = await listOf<{ targetId: string }>(ghStreetAdmin, 'audit.list')
  expect(ofOther.filter((e) => ['gd_aj_01', 'gd_nz_01'].includes(e.targetId))).toEqual([])
})

test("roles.revoke checks the target grant's place: another street's admin and a community admin above their reach are refused", async () => {
  const target = userIdFor('seed:worker:2') // grid worker of 南张社区第三网格
  expect(await api.call(ghStreetAdmin, 'roles.revoke', { userId: target, role: 'grid_worker' }, rid())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  const officer = userIdFor(demoOpenId('department'))
  expect(await api.call(communityAdmin, 'roles.revoke', { userId: officer, role: 'department' }, rid())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  const boss = userIdFor(streetAdmin)
  expect(await api.call(communityAdmin, 'roles.revoke', { userId: boss, role: 'street_admin' }, rid())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(
    dataOf(await api.call(communityAdmin, 'roles.revoke', { userId: target, role: 'grid_worker' }, rid())),
  ).toEqual({
    userId: target,
    roles: ['resident'],
  })
})

describe('orders', () => {
  const snap = (who: string, location = IN_NZ01, text = '僵尸车占道') =>
    api.call(who, 'orders.create', { source: 'snap', categoryId: 'cat_traffic', text, location }, rid())

  test("an admin's 待办 holds only orders they can open: the street queue is the street admin's, not the community's", async () => {
    const queued = dataOf<Detail>(await snap(rider, OUTSIDE))
    expect(queued.state).toBe('submitted')
    const communityInbox = await listOf<{ id: string }>(communityAdmin, 'orders.inbox')
    expect(communityInbox.map((o) => o.id)).not.toContain(queued.id)
    for (const item of communityInbox)
      expect(await api.call(communityAdmin, 'orders.get', { orderId: item.id })).toMatchObject({ ok: true })
    expect((await listOf<{ id: string }>(streetAdmin, 'orders.inbox')).map((o) => o.id)).toEqual([queued.id])
  })

  test('dispatching a street-queue order into a grid gives it that community: its admin opens it and supervises it when late', async () => {
    const anjuAdmin = await makeStaff(
      api,
      streetAdmin,
      { role: 'community_admin', communityId: 'cm_anju' },
      'wx-anju-admin',
    )
    const queued = dataOf<Detail>(await snap(rider, OUTSIDE))
    const event = { type: 'dispatch', gridId: 'gd_aj_01' }
    dataOf(await api.call(streetAdmin, 'orders.act', { orderId: queued.id, event }, rid()))
    expect(dataOf<Detail>(await api.call(anjuAdmin, 'orders.get', { orderId: queued.id })).state).toBe('dispatched')
    api.clock.advance(5 * 3600_000) // 交通秩序: accept within 4 h
    await api.tick()
    expect((await listOf<{ id: string }>(anjuAdmin, 'orders.overdue')).map((o) => o.id)).toEqual([queued.id])
    expect((await listOf<{ id: string }>(communityAdmin, 'orders.overdue')).map((o) => o.id)).not.toContain(queued.id)
  })

  test('a street-queue order left past its deadline is flagged 督办 at the street', async () => {
    const queued = dataOf<Detail>(await snap(rider, OUTSIDE))
    api.clock.advance(5 * 3600_000)
    await api.tick()
    const overdue = await listOf<{ id: string; supervised: boolean }>(streetAdmin, 'orders.overdue')
    expect(overdue.find((o) => o.id === queued.id)).toMatchObject({ supervised: true })
    expect(
      dataOf<{ escalation: string; supervised: boolean }>(
        await api.call(streetAdmin, 'orders.get', { orderId: queued.id }),
      ),
    ).toMatchObject({
      escalation: 'street',
      supervised: true,
    })
  })

  test('a grid worker who files a 巡查 and handles it cannot rate it; it closes by confirmation, recorded apart', async () => {
    const payload = {
      source: 'patrol',
      categoryId: 'cat_facility',
      text: '井盖松动，已设警示',
      gridId: 'gd_nz_01',
      location: IN_NZ01,
    }
    const filed = dataOf<Detail>(await api.call(worker, 'orders.create', payload, rid()))
    for (const type of ['accept', 'start'])
      dataOf(await api.call(worker, 'orders.act', { orderId: filed.id, event: { type } }, rid()))
    const resolved = dataOf<Detail>(
      await api.call(
        worker,
        'orders.act',
        { orderId: filed.id, event: { type: 'resolve', note: '已更换新井盖' } },
        rid(),
      ),
    )
    expect(resolved.can).toEqual(['confirm'])
    const rate = { type: 'rate', rating: 'satisfied', comment: '' }
    expect(await api.call(worker, 'orders.act', { orderId: filed.id, event: rate }, rid())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    })
    const closed = dataOf<Detail>(
      await api.call(worker, 'orders.act', { orderId: filed.id, event: { type: 'confirm' } }, rid()),
    )
    expect([closed.state, closed.confirmed, closed.rating]).toEqual(['closed', true, null])
  })

  test('我也遇到 is refused for an order one only knows the id of, across streets; allowed from one’s own duplicate suggestion', async () => {
    const order = dataOf<Detail>(await snap(rider, IN_NZ01, '僵尸车占道，车主电话13805370000'))
    expect(await api.call(ghResident, 'orders.metoo', { orderId: order.id }, rid())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await api.call(ghResident, 'orders.get', { orderId: order.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    await api.call('wx-passer-by', 'orders.suggestDuplicates', { categoryId: 'cat_traffic', location: IN_NZ01 })
    dataOf(await api.call('wx-passer-by', 'orders.metoo', { orderId: order.id }, rid()))
    dataOf(
      await api.call(
        worker,
        'orders.act',
        { orderId: order.id, event: { type: 'note', note: '车主是3号楼住户', staffOnly: true } },
        rid(),
      ),
    )
    const seen = dataOf<Detail>(await api.call('wx-passer-by', 'orders.get', { orderId: order.id }))
    expect(seen.text).toBe('僵尸车占道，车主电话138****0000')
    expect(seen.location).toEqual({ lat: 35.402, lng: 116.581 })
    expect(seen.photoUrls).toEqual([])
    expect(seen.timeline.filter((t) => t.staffOnly)).toEqual([])
    expect(seen.hiddenNumbers).toEqual([])
  })

  test('a resident of the order’s grid may say 我也遇到 without a suggestion', async () => {
    const order = dataOf<Detail>(await snap(rider))
    expect(
      dataOf<{ id: string }>(await api.call(demoOpenId('resident'), 'orders.metoo', { orderId: order.id }, rid())).id,
    ).toBe(order.id)
  })

  test("a rider's report in the other street lands in that street's grid, under that street's category of the same name", async () => {
    const payload = { source: 'snap', categoryId: 'cat_traffic', text: '路口僵尸车', location: IN_GH01 }
    const created = dataOf<Detail & { categoryId: string; gridName: string }>(
      await api.call(rider, 'orders.create', payload, rid()),
    )
    expect([created.gridName, created.categoryId]).toEqual(['古槐社区第一网格', 'cat_gh_traffic'])
    const ghInbox = await listOf<{ id: string }>(demoOpenId('gh_grid_worker'), 'orders.inbox')
    expect(ghInbox.map((o) => o.id)).toContain(created.id)
    expect((await listOf<{ id: string }>(worker, 'orders.inbox')).map((o) => o.id)).not.toContain(created.id)
  })

  test('a report from far outside every street (Beijing) is refused with a clear message and stores nothing', async () => {
    expect(await snap(rider, FAR_AWAY)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '该位置不在服务范围内（距最近的网格超过 2 公里）' },
    })
    expect(await api.deps.store.count('orders', { reporterId: userIdFor(rider) })).toBe(0)
  })
})

describe('privacy of what staff see', () => {
  test('staff read numbers masked, reveal one with an audited action, and notifications carry them masked', async () => {
    const text = '楼道堆满杂物，房东电话+86 138-0537-6666，身份证370811199001011234'
    const created = dataOf<Detail>(
      await api.call(
        rider,
        'orders.create',
        { source: 'snap', categoryId: 'cat_fire', text, location: IN_NZ01 },
        rid(),
      ),
    )
    expect(created.text).toBe(text)
    const staffView = dataOf<Detail>(await api.call(worker, 'orders.get', { orderId: created.id }))
    expect(staffView.text).toBe('楼道堆满杂物，房东电话138****6666，身份证3708**********1234')
    const ofText = staffView.hiddenNumbers.filter((h) => h.field === 'text')
    expect(ofText.map((h) => [h.index, h.masked])).toEqual([
      [0, '138****6666'],
      [1, '3708**********1234'],
    ])
    const revealed = await api.call(worker, 'orders.reveal', { orderId: created.id, field: 'text', index: 0 }, rid())
    expect(dataOf(revealed)).toEqual({ value: '13805376666' })
    const log = await listOf<{ action: string; detail: string }>(streetAdmin, 'audit.list')
    expect(log.filter((e) => e.action === 'order.reveal').map((e) => e.detail)).toEqual([
      `查看工单 ${(created as unknown as { no: string }).no} 中的号码 138****6666`,
    ])
    const inbox = await listOf<{ body: string }>(worker, 'messages.list')
    expect(inbox.some((m) => m.body.includes('13805376666') || m.body.includes('0537-6666'))).toBe(false)
    expect(inbox.some((m) => m.body.includes('138****6666'))).toBe(true)
  })

  test('a resident cannot reveal numbers, and staff of another street cannot even see the order', async () => {
    const order = dataOf<Detail>(await snap(rider))
    const reveal = { orderId: order.id, field: 'text', index: 0 }
    expect(await api.call(demoOpenId('resident'), 'orders.reveal', reveal, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await api.call(demoOpenId('gh_grid_worker'), 'orders.reveal', reveal, rid())).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  async function snap(who: string) {
    return api.call(
      who,
      'orders.create',
      { source: 'snap', categoryId: 'cat_traffic', text: '电话13805371111', location: IN_NZ01 },
      rid(),
    )
  }
})

describe('robustness', () => {
  test('a deeply nested payload (10,000 levels) answers VALIDATION, not INTERNAL, and stores nothing', async () => {
    let nested: unknown = 'x'
    for (let i = 0; i < 10_000; i++) nested = { a: nested }
    const res = await api.call(rider, 'me.update', { nickname: nested }, rid())
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '提交的内容层级过深，请精简后重试' } })
    expect(await api.deps.store.count('requests', { expiresAt: { gte: 0 } })).toBe(0)
  })

  test('text with control characters or bidirectional overrides is refused; names are NFC-normalised and trimmed', async () => {
    for (const nickname of ['坏\u202E人', 'a\u0000b', '\uD800坏'])
      expect(await api.call(rider, 'me.update', { nickname }, rid())).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    const decomposed = ' Jose\u0301 '
    expect(
      dataOf<{ nickname: string }>(await api.call(rider, 'me.update', { nickname: decomposed }, rid())).nickname,
    ).toBe('Jos\u00e9')
  })
})

test('a photo someone else uploaded cannot be attached to one’s own report', async () => {
  const theirs = await uploadPhoto(api, userIdFor(worker))
  const payload = { source: 'snap', categoryId: 'cat_traffic', text: '占道', location: IN_NZ01, photos: [theirs] }
  expect(await api.call(rider, 'orders.create', payload, rid())).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  })
})
