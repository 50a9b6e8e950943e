/** The credit pages' paths, for links from 首页, 我的 and ledger entries. */
export const CREDIT_PAGES = {
  home: '/packages/credit/pages/home/index',
  market: '/packages/credit/pages/market/index',
  vouchers: '/packages/credit/pages/vouchers/index',
  counter: '/packages/credit/pages/counter/index',
  activities: '/packages/credit/pages/activities/index',
  admin: '/packages/credit/pages/admin/index',
}

const pad = (n: number) => String(n).padStart(2, '0')
/** A date people read: 2026年11月24日 (China Standard Time, as the street works). */
export function dayText(at: number): string {
  const d = new Date(at + 8 * 3600_000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
export function timeText(at: number): string {
  const d = new Date(at + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
