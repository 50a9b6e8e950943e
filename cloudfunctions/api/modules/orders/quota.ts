/** At most N reports per rolling hour per reporter, safe under concurrent submits (one versioned doc). */
import { z } from 'zod'
import type { Deps } from '../../context'
import { AppError } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { backoff } from '../../store/update'

export const REPORTS_PER_HOUR = 10
const HOUR = 60 * 60 * 1000
const QuotaSchema = z.object({
  _id: z.string(),
  times: z.array(z.number()),
  expiresAt: z.number(),
  version: z.number(),
})

/** Takes one report slot or throws RATE_LIMITED; returns a function that gives the slot back. */
export async function takeReportSlot(deps: Deps, userId: string): Promise<() => Promise<void>> {
  const id = `quota_report_${userId}`
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) await backoff(attempt)
    const now = deps.clock.now()
    const raw = await deps.store.get('quotas', id)
    const current = raw ? QuotaSchema.parse(raw) : null
    const recent = (current?.times ?? []).filter((t) => t > now - HOUR)
    if (recent.length >= REPORTS_PER_HOUR) {
      const waitMin = Math.ceil(((recent[0] ?? now) + HOUR - now) / 60000)
      throw new AppError('RATE_LIMITED', `一小时内最多上报 ${REPORTS_PER_HOUR} 次，请 ${waitMin} 分钟后再试`)
    }
    const next = { _id: id, times: [...recent, now], expiresAt: now + HOUR, version: current?.version ?? 0 }
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
