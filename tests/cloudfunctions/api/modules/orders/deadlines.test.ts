/**
 * Working days follow the published schedule: 国庆 2026 (Oct 1–7 off, Sat Oct 10 a 调休 workday) and
 * 春节 2026 (Sat Feb 14 and Feb 28 workdays); a year the package does not carry yet falls back to Mon–Fri.
 */
import { addWorkdays, hasSchedule, isWorkingDay } from '../../../../../cloudfunctions/api/modules/orders/deadlines'

const cst = (iso: string) => Date.parse(`${iso}+08:00`)
const local = (day: string) => Date.parse(`${day}T12:00:00Z`)

test.each([
  ['an order accepted before 国庆 resolves after the holiday', '2026-09-30T10:00:00', 3, '2026-10-10T10:00:00'],
  ['the 调休 Saturday after 国庆 counts as a working day', '2026-10-09T16:00:00', 1, '2026-10-10T16:00:00'],
  ['a plain Friday still skips the weekend', '2026-11-27T16:00:00', 3, '2026-12-02T16:00:00'],
  ['the 调休 Saturday before 春节 counts, the holiday does not', '2026-02-13T09:00:00', 2, '2026-02-24T09:00:00'],
  [
    'a year not yet published falls back to Monday–Friday (2027: 国庆 unknown)',
    '2027-09-30T10:00:00',
    3,
    '2027-10-05T10:00:00',
  ],
])('%s', (_name, from, days, to) => {
  expect(new Date(addWorkdays(cst(from), days)).toISOString()).toBe(new Date(cst(to)).toISOString())
})

test('the package carries 2026 and not 2027', () => {
  expect([hasSchedule(2026), hasSchedule(2027)]).toEqual([true, false])
  expect([
    isWorkingDay(local('2026-10-01')),
    isWorkingDay(local('2026-10-10')),
    isWorkingDay(local('2027-10-01')),
  ]).toEqual([false, true, true])
})
