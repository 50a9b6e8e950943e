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
    const page = await deps.store.find('requests', {
      where: { expiresAt: { lte: now } },
      orderBy: { field: 'expiresAt', direction: 'asc' },
      limit: BATCH,
    })
    for (const doc of page.items) await deps.store.remove('requests', doc._id)
    removed += page.items.length
    if (page.items.length < BATCH) break
  }
  return removed
}

/** Job-run records are kept a week: enough to see the timer is alive, not a growing table. */
const JOB_RUNS_KEPT_MS = 7 * 24 * 60 * 60 * 1000

async function sweepOldJobRuns(deps: Deps, now: number): Promise<void> {
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page = await deps.store.find('jobruns', {
      where: { startedAt: { lt: now - JOB_RUNS_KEPT_MS } },
      orderBy: { field: 'startedAt', direction: 'desc' },
      limit: BATCH,
    })
    for (const doc of page.items) await deps.store.remove('jobruns', doc._id)
    if (page.items.length < BATCH) break
  }
}

export async function runTick(deps: Deps): Promise<TickReport> {
  const startedAt = deps.clock.now()
  const report: TickReport = {
    startedAt,
    expiredRequests: await sweepExpiredRequests(deps, startedAt),
    escalated: await escalateOverdue(deps),
    autoClosed: await autoCloseResolved(deps),
  }
  await sweepOldJobRuns(deps, startedAt)
  await deps.store.insert('jobruns', { _id: deps.ids.next('job'), ...report, finishedAt: deps.clock.now(), version: 0 })
  return report
}
