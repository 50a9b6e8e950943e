import dayjs from 'dayjs'

/** 刚刚 / 5 分钟前 / 今天 09:30 / 11月3日 / 2024年11月3日 */
export function friendlyTime(ms: number, now: number = Date.now()): string {
  const diff = now - ms
  if (diff < 60_000) return '刚刚'
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)} 分钟前`
  const t = dayjs(ms)
  const n = dayjs(now)
  if (t.isSame(n, 'day')) return `今天 ${t.format('HH:mm')}`
  if (t.isSame(n, 'year')) return t.format('M月D日 HH:mm')
  return t.format('YYYY年M月D日')
}
