/**
 * Credit points and the market on a real dispatcher and SQLite store with a manual clock, with real
 * concurrency: awards from the loop exactly once, caps, revocation, expiry, redemption without negative
 * balances or oversell, vouchers used once, activities never over-booked, corrections, exports.
 */
import ExcelJS from 'exceljs'
import type { ActivityView, CreditSummary, VoucherView } from '../../../../../types'
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { IN_NZ01, rid } from '../../../../helpers/orders'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { checkLedger } from '../../../../../cloudfunctions/api/modules/credit/check'
import { awardForOrder } from '../../../../../cloudfunctions/api/modules/credit/awards'
import { OrderDocSchema } from '../../../../../types'

const DAY = 24 * 60 * 60 * 1000
const rider = demoOpenId('rider')
const worker = demoOpenId('grid_worker')
const resident = demoOpenId('resident')
const streetAdmin = demoOpenId('street_admin')
const communityAdmin = demoOpenId('community_admin')
const counter = demoOpenId('counter')

type Ledger = { items: { kind: string; points: number; reason: string; link: string | null }[] }
const summary = async (api: TestApi, who: string) => dataOf<CreditSummary>(await api.call(who, 'credit.summary', {}))
const ledger = async (api: TestApi, who: string) => dataOf<Ledger>(await api.call(who, 'credit.ledger', {}))

async function ledgerHolds(api: TestApi) {
  const check = await checkLedger(api.deps.store)
  expect(check.problems).toEqual([])
  return check
}

async function snap(api: TestApi, who = rider, text = '僵尸车占道') {
  const payload = { source: 'snap', categoryId: 'cat_traffic', text, location: IN_NZ01 }
  return dataOf<{ id: string; no: string }>(await api.call(who, 'orders.create', payload, rid('snap')))
}
const act = (api: TestApi, who: string, orderId: string, event: Record<string, unknown>) =>
  api.call(who, 'orders.act', { orderId, event }, rid('act'))

/** A resident of 南张社区第一网格 (joins, earning the joining points) given `extra` points by the street admin. */
async function richResident(api: TestApi, openId: string, extra: number): Promise<void> {
  const code = String((await api.deps.store.get('grids', 'gd_nz_01'))?.joinCode)
  dataOf(await api.call(openId, 'grids.join', { code, building: '9', unit: '1', room: '101' }, rid('join')))
  if (extra > 0)
    dataOf(
      await api.call(
        streetAdmin,
        'credit.correct',
        { userId: userIdFor(openId), points: extra, reason: '测试' },
        rid('c'),
      ),
    )
}

describe('earning from the loop', () => {
  test('a report earns at 接单, never at submit; a retried or concurrent award and the tick add nothing', async () => {
    const api = await createTestApi({ seed: true })
    const order = await snap(api)
    expect((await summary(api, rider)).balance).toBe(0)
    dataOf(await act(api, worker, order.id, { type: 'accept' }))
    const after = await summary(api, rider)
    expect(after.balance).toBe(20)
    const entries = (await ledger(api, rider)).items
    expect(entries).toEqual([
      expect.objectContaining({ kind: 'earn', points: 20, link: `/packages/orders/pages/detail/index?id=${order.id}` }),
    ])
    const doc = OrderDocSchema.parse(await api.deps.store.get('orders', order.id))
    await Promise.all(Array.from({ length: 10 }, () => awardForOrder(api.deps, doc, 'accepted')))
    await api.tick()
    expect((await summary(api, rider)).balance).toBe(20)
    expect((await ledger(api, rider)).items).toHaveLength(1)
    await ledgerHolds(api)
  })

  test('a report rejected as not real after 接单 is taken back by a compensating entry', async () => {
    const api = await createTestApi({ seed: true })
    const order = await snap(api)
    dataOf(await act(api, worker, order.id, { type: 'accept' }))
    api.clock.advance(60_000)
    dataOf(await act(api, worker, order.id, { type: 'reject', reason: '现场核实不存在' }))
    expect((await summary(api, rider)).balance).toBe(0)
    expect((await ledger(api, rider)).items.map((e) => [e.kind, e.points])).toEqual([
      ['revoke', -20],
      ['earn', 20],
    ])
    await api.tick()
    expect((await ledger(api, rider)).items).toHaveLength(2)
    await ledgerHolds(api)
  })

  test('the daily cap holds (60 a day for reports), and the next day earns again', async () => {
    const api = await createTestApi({ seed: true })
    for (let i = 0; i < 4; i++) {
      const order = await snap(api, rider, `占道 ${i}`)
      dataOf(await act(api, worker, order.id, { type: 'accept' }))
    }
    expect((await summary(api, rider)).balance).toBe(60)
    api.clock.advance(DAY)
    const order = await snap(api, rider, '又一处占道')
    dataOf(await act(api, worker, order.id, { type: 'accept' }))
    expect((await summary(api, rider)).balance).toBe(80)
    await ledgerHolds(api)
  })

  test('joining a grid earns once; rules are validated and staff of another street cannot set them', async () => {
    const api = await createTestApi({ seed: true })
    await richResident(api, 'wx-joiner', 0)
    expect((await summary(api, 'wx-joiner')).balance).toBe(10)
    const rule = { event: 'report_valid', points: -5, dailyCap: 60, expiry: 'never', active: true }
    expect(await api.call(streetAdmin, 'credit.saveRule', rule, rid('r'))).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'points', message: '积分不能为负数' }] },
    })
    expect(await api.call(streetAdmin, 'credit.saveRule', { ...rule, points: 2.5 }, rid('r'))).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'points', message: '必须是整数' }] },
    })
    expect(
      await api.call(
        demoOpenId('gh_street_admin'),
        'credit.saveRule',
        { ...rule, points: 5, streetId: 'st_nanzhang' },
        rid('r'),
      ),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } })
    dataOf(await api.call(streetAdmin, 'credit.saveRule', { ...rule, points: 30 }, rid('r')))
    const order = await snap(api)
    dataOf(await act(api, worker, order.id, { type: 'accept' }))
    expect((await summary(api, rider)).balance).toBe(30)
  })
})

describe('the market', () => {
  test('100 redemptions at once against a balance that covers one: exactly one voucher', async () => {
    const api = await createTestApi({ seed: true })
    const order = await snap(api)
    dataOf(await act(api, worker, order.id, { type: 'accept' })) // 20 points: one park ticket pair
    dataOf(
      await api.call(
        streetAdmin,
        'market.save',
        {
          exchangePointId: 'ex_nz_center',
          name: '矿泉水',
          price: 20,
          stock: 100,
          perPersonLimit: 100,
          validUntil: api.clock.now() + DAY,
        },
        rid('mi'),
      ),
    )
    const water = (
      await api.deps.store.find('marketitems', {
        where: { streetId: 'st_nanzhang', active: true },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 1,
      })
    ).items[0]
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.call(rider, 'market.redeem', { itemId: water?._id }, `redeem-${String(i).padStart(4, '0')}`),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(results.filter((r) => !r.ok).map((r) => (!r.ok ? r.error.code : '')))).toEqual(
      new Set(['INSUFFICIENT_POINTS']),
    )
    expect((await summary(api, rider)).balance).toBe(0)
    await ledgerHolds(api)
  })

  test('100 people redeeming an item with stock 10 get exactly 10 vouchers; a retried request keeps its voucher', async () => {
    const api = await createTestApi({ seed: true })
    const people = Array.from({ length: 100 }, (_, i) => `wx-buyer-${i}`)
    for (const p of people) await richResident(api, p, 20)
    const results = await Promise.all(
      people.map((p) => api.call(p, 'market.redeem', { itemId: 'mi_nz_park' }, `buy-${p}`)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(10)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'OUT_OF_STOCK')).toBe(true)
    const winner = people[results.findIndex((r) => r.ok)] ?? ''
    const again = await api.call(winner, 'market.redeem', { itemId: 'mi_nz_park' }, `buy-${winner}`)
    expect(dataOf<VoucherView>(again).id).toBe(dataOf<VoucherView>(results.find((r) => r.ok) ?? again).id)
    expect(await api.deps.store.get('marketitems', 'mi_nz_park')).toMatchObject({ stock: 0, issued: 10 })
    const check = await ledgerHolds(api)
    expect(check.vouchers).toBe(10)
  })

  test('the per-person limit, a voucher used once at its own 兑换点, and guessing codes is rate limited', async () => {
    const api = await createTestApi({ seed: true })
    await richResident(api, 'wx-a', 100)
    const voucher = dataOf<VoucherView>(await api.call('wx-a', 'market.redeem', { itemId: 'mi_nz_park' }, rid('b')))
    expect(voucher.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    expect(await api.call('wx-a', 'market.redeem', { itemId: 'mi_nz_park' }, rid('b'))).toMatchObject({
      error: { code: 'CONFLICT', message: '「南池公园门票（两张）」每人限兑 1 件，您已兑换' },
    })
    // 古槐's street admin holds another street: FORBIDDEN; the code is checked, not guessed.
    expect(
      await api.call(demoOpenId('gh_street_admin'), 'market.useVoucher', { code: voucher.code }, rid('u')),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    const used = dataOf<VoucherView>(
      await api.call(counter, 'market.useVoucher', { code: voucher.code.toLowerCase() }, rid('u')),
    )
    expect(used.state).toBe('used')
    expect(await api.call(counter, 'market.useVoucher', { code: voucher.code }, rid('u'))).toMatchObject({
      error: { code: 'CONFLICT' },
    })
    const wrong = 'ABCDEFGHJK' === voucher.code ? 'ABCDEFGHJM' : 'ABCDEFGHJK'
    for (let i = 0; i < 10; i++)
      expect(await api.call(counter, 'market.useVoucher', { code: wrong }, rid('w'))).toMatchObject({
        error: { code: 'NOT_FOUND' },
      })
    expect(await api.call(counter, 'market.useVoucher', { code: voucher.code }, rid('w'))).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    })
    api.clock.advance(61_000)
    expect(await api.call(counter, 'market.useVoucher', { code: wrong }, rid('w'))).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    expect(await api.call('wx-a', 'market.vouchers', {})).toMatchObject({
      ok: true,
      data: { items: [expect.objectContaining({ state: 'used' })] },
    })
  })

  test('counter staff are granted by invite for one 兑换点; only a street admin of that street issues it', async () => {
    const api = await createTestApi({ seed: true })
    const invite = { role: 'counter_staff', exchangePointId: 'ex_nz_center' }
    expect(await api.call(communityAdmin, 'invites.create', invite, rid('i'))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(await api.call(demoOpenId('gh_street_admin'), 'invites.create', invite, rid('i'))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(await api.call(streetAdmin, 'invites.create', { role: 'counter_staff' }, rid('i'))).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'exchangePointId' }] },
    })
    const made = dataOf<{ code: string; scopeLabel: string }>(
      await api.call(streetAdmin, 'invites.create', invite, rid('i')),
    )
    expect(made.scopeLabel).toBe('兑换点工作人员（南张街道便民服务中心兑换点）')
    dataOf(await api.call('wx-new-counter', 'invites.redeem', { code: made.code }, rid('r')))
    await richResident(api, 'wx-buyer', 20)
    const voucher = dataOf<VoucherView>(await api.call('wx-buyer', 'market.redeem', { itemId: 'mi_nz_park' }, rid('b')))
    const used = dataOf<VoucherView>(
      await api.call('wx-new-counter', 'market.useVoucher', { code: voucher.code }, rid('u')),
    )
    expect(used).toMatchObject({ state: 'used', holderName: '微**' })
  })

  test('bad input: stock below zero, a price of 0; a community admin lists only for their community', async () => {
    const api = await createTestApi({ seed: true })
    const item = {
      exchangePointId: 'ex_nz_center',
      name: '毛巾',
      price: 10,
      stock: 5,
      perPersonLimit: 1,
      validUntil: api.clock.now() + DAY,
    }
    expect(await api.call(streetAdmin, 'market.save', { ...item, stock: -1 }, rid('m'))).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'stock', message: '库存不能为负数' }] },
    })
    expect(await api.call(streetAdmin, 'market.save', { ...item, price: 0 }, rid('m'))).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'price' }] },
    })
    expect(await api.call(communityAdmin, 'market.save', item, rid('m'))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(await api.call(communityAdmin, 'market.save', { ...item, communityId: 'cm_anju' }, rid('m'))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    const own = dataOf<{ scopeLabel: string }>(
      await api.call(communityAdmin, 'market.save', { ...item, communityId: 'cm_nanzhang' }, rid('m')),
    )
    expect(own.scopeLabel).toBe('南张社区居民')
  })
})

describe('corrections, expiry, figures and exports', () => {
  test('a correction is a new entry with its reason, never below zero; admins of another place cannot', async () => {
    const api = await createTestApi({ seed: true })
    const zhang = userIdFor(resident)
    expect((await summary(api, resident)).balance).toBe(30)
    expect(
      await api.call(communityAdmin, 'credit.correct', { userId: zhang, points: -40, reason: '误发' }, rid('c')),
    ).toMatchObject({
      error: { code: 'INSUFFICIENT_POINTS' },
    })
    expect(
      await api.call(
        demoOpenId('gh_community_admin'),
        'credit.correct',
        { userId: zhang, points: 5, reason: '补录' },
        rid('c'),
      ),
    ).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    expect(
      await api.call(communityAdmin, 'credit.correct', { userId: zhang, points: 0, reason: 'x' }, rid('c')),
    ).toMatchObject({
      error: { code: 'VALIDATION' },
    })
    dataOf(
      await api.call(communityAdmin, 'credit.correct', { userId: zhang, points: -10, reason: '重复发放' }, rid('c')),
    )
    expect((await summary(api, resident)).balance).toBe(20)
    expect((await ledger(api, resident)).items[0]).toMatchObject({
      kind: 'correct',
      points: -10,
      reason: '人工调整：重复发放',
    })
    await ledgerHolds(api)
  })

  test('points lapse at the end of the next year by the tick, once, spending using them first', async () => {
    const api = await createTestApi({ seed: true })
    // 张桂英: 10 for joining (never lapse) + 20 for a report (lapse 2028-01-01). She spends 20 on park tickets.
    dataOf(await api.call(resident, 'market.redeem', { itemId: 'mi_nz_park' }, rid('b')))
    expect((await summary(api, resident)).balance).toBe(10)
    api.clock.set(Date.parse('2028-01-01T00:00:01+08:00'))
    await api.tick()
    expect((await summary(api, resident)).balance).toBe(10) // what lapsed was spent already
    // Now a fresh 20 that lapses at 2030-01-01, unspent: it lapses, once.
    const order = await snap(api, rider)
    dataOf(await act(api, worker, order.id, { type: 'accept' }))
    const soon = await summary(api, rider)
    expect(soon.expiringSoon).toEqual({ points: 0, at: null })
    api.clock.set(Date.parse('2029-12-01T00:00:00+08:00'))
    expect((await summary(api, rider)).expiringSoon).toEqual({
      points: 20,
      at: Date.parse('2030-01-01T00:00:00+08:00'),
    })
    api.clock.set(Date.parse('2030-01-01T00:00:01+08:00'))
    const [a, b] = await Promise.all([api.tick(), api.tick()])
    expect((a.counts.creditExpired ?? 0) + (b.counts.creditExpired ?? 0)).toBe(20)
    await api.tick()
    expect((await summary(api, rider)).balance).toBe(0)
    expect((await ledger(api, rider)).items.map((e) => [e.kind, e.points])).toEqual([
      ['expire', -20],
      ['earn', 20],
    ])
    await ledgerHolds(api)
  })

  test('the month figures per grid and the Excel export read back with Chinese headers and real dates', async () => {
    const api = await createTestApi({ seed: true })
    const order = await snap(api)
    dataOf(await act(api, worker, order.id, { type: 'accept' }))
    dataOf(await api.call(rider, 'market.redeem', { itemId: 'mi_nz_charge' }, rid('b')))
    const month = new Date(api.clock.now() + 8 * 3600_000).toISOString().slice(0, 7)
    const stats = dataOf<{ items: { gridName: string; issued: number; redeemed: number }[] }>(
      await api.call(streetAdmin, 'credit.stats', { month }),
    )
    expect(stats.items.find((r) => r.gridName === '南张社区第一网格')).toMatchObject({ issued: 50, redeemed: 10 })
    expect(
      dataOf<{ items: unknown[] }>(await api.call(demoOpenId('gh_street_admin'), 'credit.stats', { month })).items,
    ).toEqual([])
    const out = dataOf<{ url: string; fileName: string; rows: number }>(
      await api.call(streetAdmin, 'credit.export', { what: 'ledger', month }, rid('x')),
    )
    expect(out.fileName).toBe(`积分明细-${month}.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(out.url.split(',')[1] ?? '', 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('积分明细')
    expect(sheet?.getRow(1).values).toEqual([undefined, '时间', '居民', '网格', '类型', '积分', '原因', '到期日'])
    expect(out.rows).toBe(4) // 张桂英's two seeded entries, the rider's earning and his spending
    expect(sheet?.getRow(2).getCell(1).value).toBeInstanceOf(Date)
    const vouchers = dataOf<{ rows: number }>(
      await api.call(streetAdmin, 'credit.export', { what: 'redemptions', month }, rid('x')),
    )
    expect(vouchers.rows).toBe(1)
  })
})

describe('volunteer activities', () => {
  test('never over-booked at once; checked in by code; hours confirmed earn by the rule, once', async () => {
    const api = await createTestApi({ seed: true })
    const start = api.clock.now() + DAY
    const created = dataOf<ActivityView>(
      await api.call(
        communityAdmin,
        'activities.create',
        {
          communityId: 'cm_nanzhang',
          title: '敬老院陪伴',
          place: '南张敬老院',
          startsAt: start,
          endsAt: start + 7_200_000,
          capacity: 3,
        },
        rid('a'),
      ),
    )
    const people = Array.from({ length: 10 }, (_, i) => `wx-vol-${i}`)
    for (const p of people) await richResident(api, p, 0)
    const results = await Promise.all(
      people.map((p) => api.call(p, 'activities.signup', { activityId: created.id }, rid('s'))),
    )
    expect(results.filter((r) => r.ok && (r.data as ActivityView).mySignup?.state === 'signed')).toHaveLength(3)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === '名额已满')).toBe(true)
    const signed = people.filter((_, i) => results[i]?.ok)
    const volunteer = signed[0] ?? ''
    const mine = dataOf<ActivityView>(await api.call(volunteer, 'activities.get', { activityId: created.id }))
    expect(mine.signups).toEqual([]) // residents do not see who else signed up
    const code = mine.mySignup?.code ?? ''
    expect(
      await api.call(
        demoOpenId('gh_community_admin'),
        'activities.checkin',
        { activityId: created.id, code },
        rid('k'),
      ),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    const checked = dataOf<ActivityView>(
      await api.call(communityAdmin, 'activities.checkin', { activityId: created.id, code }, rid('k')),
    )
    expect(checked.can).toContain('confirm')
    const signupId = mine.mySignup?.id ?? ''
    const before = (await summary(api, volunteer)).balance
    await Promise.all([
      api.call(communityAdmin, 'activities.confirm', { signupId, hours: 2 }, rid('f')),
      api.call(communityAdmin, 'activities.confirm', { signupId, hours: 2 }, rid('f')),
    ])
    expect((await summary(api, volunteer)).balance).toBe(before + 20)
    expect(await api.call(communityAdmin, 'activities.confirm', { signupId, hours: 0.3 }, rid('f'))).toMatchObject({
      error: { code: 'VALIDATION' },
    })
    await ledgerHolds(api)
  })
})
