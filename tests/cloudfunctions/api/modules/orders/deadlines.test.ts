/** Resolve deadlines count working days of the State Council's calendar, in China Standard Time. */
import { addWorkdays, hasHolidaySchedule } from '../../../../../cloudfunctions/api/modules/orders/deadlines'
import { createTestApi, dataOf } from '../../../../helpers/api'
import { IN_NZ01, rid } from '../../../../helpers/orders'
import { demoOpenId } from '../../../../../scripts/seed/demo'

const cst = (wallClock: string) => Date.parse(`${wallClock}+08:00`)

describe('working days follow the published holiday schedule', () => {
  test.each([
    // 国庆 2026: 10-01..10-07 off; 3 working days from Wed 09-30 are Thu 10-08, Fri 10-09 and the 调休 Sat 10-10.
    ['accepted the day before 国庆', '2026-09-30T10:00:00', 3, '2026-10-10T10:00:00'],
    ['one working day before 国庆 lands after it', '2026-09-30T10:00:00', 1, '2026-10-08T10:00:00'],
    // Sun 2026-09-20 is a 调休 workday (made up for 国庆): it counts.
    ['a 调休 Sunday counts as a workday', '2026-09-19T15:00:00', 1, '2026-09-20T15:00:00'],
    // Sat 2026-02-14 is a 调休 workday before 春节 (02-15..02-23 off).
    ['a 调休 Saturday counts, then 春节 is skipped', '2026-02-13T09:00:00', 2, '2026-02-24T09:00:00'],
    // 中秋 2026 is Fri 09-25 (then the weekend): Thursday plus one working day is Monday.
    ['中秋 on a Friday is skipped', '2026-09-24T18:30:00', 1, '2026-09-28T18:30:00'],
    ['an ordinary week skips only the weekend (Friday → Wednesday)', '2026-11-27T16:00:00', 3, '2026-12-02T16:00:00'],
    // Near midnight the CST date decides, not the UTC one: 00:30 CST on 10-08 is still 10-07 in UTC.
    ['the CST date decides near midnight', '2026-10-07T00:30:00', 1, '2026-10-08T00:30:00'],
  ])('%s', (_name, from, days, due) => {
    expect(addWorkdays(cst(from), days)).toBe(cst(due))
  })

  test('a year the package has no schedule for falls back to Monday to Friday', () => {
    expect(hasHolidaySchedule(2026)).toBe(true)
    expect(hasHolidaySchedule(2003)).toBe(false)
    // Without a schedule 国庆 2003 is not known: Tue 09-30 plus 3 working days is Fri 10-03.
    expect(addWorkdays(cst('2003-09-30T10:00:00'), 3)).toBe(cst('2003-10-03T10:00:00'))
    // Across the year's end into an uncovered year, each day follows its own year's rule.
    expect(addWorkdays(cst('2002-12-31T10:00:00'), 1)).toBe(cst('2003-01-01T10:00:00'))
  })
})

describe('an order accepted before 国庆 is not escalated during the holiday', () => {
  test('accepted on 09-30 with 3 working days to resolve, it is overdue only after the 调休 Saturday 10-10', async () => {
    const api = await createTestApi({ seed: true })
    const [rider, worker] = [demoOpenId('rider'), demoOpenId('grid_worker')]
    type Detail = { id: string; escalation: string; supervised: boolean }
    api.clock.set(cst('2026-09-30T10:00:00'))
    const payload = { source: 'snap', categoryId: 'cat_traffic', text: '僵尸车占道', location: IN_NZ01 }
    const order = dataOf<Detail>(await api.call(rider, 'orders.create', payload, rid()))
    dataOf(await api.call(worker, 'orders.act', { orderId: order.id, event: { type: 'accept' } }, rid()))
    const due = cst('2026-10-10T10:00:00')
    expect(await api.deps.store.get('orders', order.id)).toMatchObject({ resolveDeadline: due, dueAt: due })
    const seen = async () => dataOf<Detail>(await api.call(worker, 'orders.get', { orderId: order.id }))

    api.clock.set(cst('2026-10-06T12:00:00')) // Monday to Friday would have made it due on 10-05
    expect((await api.tick()).counts.escalated).toBe(0)
    expect(await seen()).toMatchObject({ escalation: 'grid', supervised: false })

    api.clock.set(due + 60_000)
    expect((await api.tick()).counts.escalated).toBe(1)
    expect(await seen()).toMatchObject({ escalation: 'community', supervised: true })
  })
})
