/** Deadline arithmetic in China Standard Time: accept within hours, resolve within working days. */
import { z } from 'zod'
// The State Council's published schedule as kept by chinese-days. We read its tables by date string: the
// package's own functions key them through the host's local time zone and shift a day west of UTC.
import schedule from 'chinese-days/dist/chinese-days.json'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const CST_OFFSET = 8 * HOUR
export const FAR_FUTURE = 8_640_000_000_000_000 / 1000 // a sortable "no deadline" (year ~275,000)

export function addHours(at: number, hours: number): number {
  return at + hours * HOUR
}

const ScheduleSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
})
interface Calendar {
  holidays: Set<string>
  workdays: Set<string>
  years: Set<number>
}
let calendar: Calendar | null = null

/** Parsed on first use; a year counts as covered when the package lists its 法定节假日. */
function loadCalendar(): Calendar {
  if (calendar) return calendar
  const parsed = ScheduleSchema.parse(schedule)
  const holidays = new Set(Object.keys(parsed.holidays))
  const years = new Set([...holidays].map((date) => Number(date.slice(0, 4))))
  calendar = { holidays, workdays: new Set(Object.keys(parsed.workdays)), years }
  return calendar
}

/** Whether the package holds the holiday schedule of this year (published each November for the next). */
export function hasHolidaySchedule(year: number): boolean {
  return loadCalendar().years.has(year)
}

/** `local` is a CST wall-clock instant expressed as if it were UTC. */
function isWorkdayCst(local: number): boolean {
  const day = new Date(local)
  const weekday = day.getUTCDay()
  const monToFri = weekday !== 0 && weekday !== 6
  // A year the package does not cover yet counts Monday to Friday, as before the schedule is published.
  if (!hasHolidaySchedule(day.getUTCFullYear())) return monToFri
  const date = day.toISOString().slice(0, 10)
  const { holidays, workdays } = loadCalendar()
  return workdays.has(date) || (monToFri && !holidays.has(date))
}

/** Adds working days (CST), keeping the time of day: weekends and 法定节假日 do not count, 调休 workdays do. */
export function addWorkdays(at: number, days: number): number {
  // China has no daylight saving: a CST day is always 24 h, so plain arithmetic is exact.
  let local = at + CST_OFFSET
  let left = days
  while (left > 0) {
    local += DAY
    if (isWorkdayCst(local)) left--
  }
  return local - CST_OFFSET
}

/** How late an order is, in hours (0 when on time). */
export function hoursLate(dueAt: number, now: number): number {
  return dueAt >= now ? 0 : (now - dueAt) / HOUR
}
