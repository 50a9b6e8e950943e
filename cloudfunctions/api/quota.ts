/** At most N actions of one kind per rolling window per person, safe under concurrent submits (one versioned doc). */
import { z } from 'zod'
import type { Deps } from './context'
import { AppError } from './errors'
import { StoreConflictError } from './store/port'
import { backoff } from './store/update'

const QuotaSchema = z.object({
  _id: z.string(),
  times: z.array(z.number()),
  expiresAt: z.number(),
  version: z.number(),
})

export interface Quota {
  /** Names the quota document: `quota_<key>_<userId>`. */
  key: string
  limit: number
  windowMs: number
  /** What the person reads when the quota is spent; `wait` is the minutes until a slot opens. */
  refusal: (wait: string) => string
}

const HOUR = 60 * 60 * 1000
export const REPORTS_PER_HOUR = 10

/** 随手拍 / 诉求: ten reports an hour. */
export const REPORT_QUOTA: Quota = {
  key: 'report',
  limit: REPORTS_PER_HOUR,
  windowMs: HOUR,
  refusal: (wait) => `一小时内最多上报 ${REPORTS_PER_HOUR} 次，请 ${wait}后再试`,
}

function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60000))
  return minutes >= 60 ? `${Math.ceil(minutes / 60)} 小时` : `${minutes} 分钟`
}

/** Takes one slot or throws RATE_LIMITED; returns a function that gives the slot back (the write failed). */
export async function takeSlot(deps: Deps, quota: Quota, userId: string): Promise<() => Promise<void>> {
  const id = `quota_${quota.key}_${userId}`
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) await backoff(attempt)
    const now = deps.clock.now()
    const raw = await deps.store.get('quotas', id)
    const current = raw ? QuotaSchema.parse(raw) : null
    const recent = (current?.times ?? []).filter((t) => t > now - quota.windowMs)
    if (recent.length >= quota.limit) {
      throw new AppError('RATE_LIMITED', quota.refusal(waitText((recent[0] ?? now) + quota.windowMs - now)))
    }
    const next = { _id: id, times: [...recent, now], expiresAt: now + quota.windowMs, version: current?.version ?? 0 }
    try {
      if (current) await deps.store.replace('quotas', next)
      else await deps.store.insert('quotas', next)
      return () => giveBack(deps, id, now)
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试')
}

async function giveBack(deps: Deps, id: string, at: number): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const raw = await deps.store.get('quotas', id)
    if (!raw) return
    const q = QuotaSchema.parse(raw)
    const i = q.times.indexOf(at)
    if (i < 0) return
    try {
      await deps.store.replace('quotas', { ...q, times: q.times.filter((_, k) => k !== i) })
      return
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
}
