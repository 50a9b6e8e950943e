/** The timer's work. Idempotent: running it twice for the same moment changes nothing more. */
import type { Deps } from '../context'
import { autoCloseResolved, escalateOverdue } from './orders'

export interface TickReport {
  startedAt: number
  expiredRequests: number
  escalated: number
  autoClosed: number
}

const BATCH = 100
const MAX_BATCHES = 20

async function sweepExpiredRequests(deps: Deps, now: number): Promise<number> {
  let removed = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page = await deps.store.find('requests', { where: { expiresAt: { lte: now } }, orderBy: { field: 'expiresAt', direction: 'asc' }, limit: BATCH })
    for (const doc of page.items) await deps.store.remove('requests', doc._id)
    removed += page.items.length
    if (page.items.length < BATCH) break
  }
  return removed
}

export async function runTick(deps: Deps): Promise<TickReport> {
  const startedAt = deps.clock.now()
  const report: TickReport = {
    startedAt,
    expiredRequests: await sweepExpiredRequests(deps, startedAt),
    escalated: await escalateOverdue(deps),
    autoClosed: await autoCloseResolved(deps),
  }
  await deps.store.insert('jobruns', { _id: deps.ids.next('job'), ...report, finishedAt: deps.clock.now(), version: 0 })
  return report
}
