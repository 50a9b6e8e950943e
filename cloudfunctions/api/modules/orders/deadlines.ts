/** Deadline arithmetic in China Standard Time: accept within hours, resolve within working days. */
const HOUR = 60 * 60 * 1000
const CST_OFFSET = 8 * HOUR
export const FAR_FUTURE = 8_640_000_000_000_000 / 1000 // a sortable "no deadline" (year ~275,000)

export function addHours(at: number, hours: number): number {
  return at + hours * HOUR
}

/** Adds working days (Mon–Fri, CST), keeping the time of day; weekends do not count. */
export function addWorkdays(at: number, days: number): number {
  // China has no daylight saving: a CST day is always 24 h, so plain arithmetic is exact.
  let local = at + CST_OFFSET
  let left = days
  while (left > 0) {
    local += 24 * HOUR
    const weekday = new Date(local).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left--
  }
  return local - CST_OFFSET
}

/** How late an order is, in hours (0 when on time). */
export function hoursLate(dueAt: number, now: number): number {
  return dueAt >= now ? 0 : (now - dueAt) / HOUR
}
