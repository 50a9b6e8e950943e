/**
 * Deadline arithmetic in China Standard Time: accept within hours, resolve within working days, where
 * working days follow the State Council's schedule (法定节假日 off, 调休 weekend days on).
 */
import { getHolidaysInRange, isWorkday } from 'chinese-days'

const HOUR = 60 * 60 * 1000
const CST_OFFSET = 8 * HOUR
export const FAR_FUTURE = 8_640_000_000_000_000 / 1000 // a sortable "no deadline" (year ~275,000)

export function addHours(at: number, hours: number): number {
  return at + hours * HOUR
}

const scheduled = new Map<number, boolean>()

/** Whether the calendar package carries the published schedule of `year` (it lists that year's holidays). */
export function hasSchedule(year: number): boolean {
  let known = scheduled.get(year)
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    scheduled.set(year, known)
  }
  return known
}

/**
 * Whether the CST day holding `localMs` (a timestamp already shifted to CST) is a working day: the
 * published schedule where the package has the year, else Monday to Friday (a year not yet published).
 */
export function isWorkingDay(localMs: number): boolean {
  const day = new Date(localMs)
  const year = day.getUTCFullYear()
  if (hasSchedule(year)) return isWorkday(day.toISOString().slice(0, 10))
  const weekday = day.getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** Adds working days, keeping the time of day; holidays and weekends that are not 调休 workdays do not count. */
export function addWorkdays(at: number, days: number): number {
  // China has no daylight saving: a CST day is always 24 h, so plain arithmetic is exact.
  let local = at + CST_OFFSET
  let left = days
  while (left > 0) {
    local += 24 * HOUR
    if (isWorkingDay(local)) left--
  }
  return local - CST_OFFSET
}

/** How late an order is, in hours (0 when on time). */
export function hoursLate(dueAt: number, now: number): number {
  return dueAt >= now ? 0 : (now - dueAt) / HOUR
}
