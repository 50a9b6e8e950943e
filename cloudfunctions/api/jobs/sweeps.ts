/** Store housekeeping run by the timer: forget expired request replays and job runs older than a week. */
import type { Deps } from '../context'
import { COLLECTIONS, SCHEMA, type CollectionDecl, type CollectionName } from '../store/schema'
import type { Query } from '../store/port'

const BATCH = 100
const MAX_BATCHES = 20

/** Job-run records are kept a week: enough to see the timer is alive, not a growing table. */
export const JOB_RUNS_KEPT_MS = 7 * 24 * 60 * 60 * 1000

/** Removes what the query matches, a batch at a time (at most MAX_BATCHES per run); returns how many. */
async function removeMatching(deps: Deps, collection: CollectionName, query: Omit<Query, 'limit'>): Promise<number> {
  let removed = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page = await deps.store.find(collection, { ...query, limit: BATCH })
    for (const doc of page.items) await deps.store.remove(collection, doc._id)
    removed += page.items.length
    if (page.items.length < BATCH) break
  }
  return removed
}

export function sweepExpiredRequests(deps: Deps, now: number): Promise<number> {
  return removeMatching(deps, 'requests', {
    where: { expiresAt: { lte: now } },
    orderBy: { field: 'expiresAt', direction: 'asc' },
  })
}

export function sweepOldJobRuns(deps: Deps, now: number): Promise<number> {
  return removeMatching(deps, 'jobruns', {
    where: { startedAt: { lt: now - JOB_RUNS_KEPT_MS } },
    orderBy: { field: 'startedAt', direction: 'desc' },
  })
}

/** Every other collection that declares a `ttlField` (report quotas, duplicate suggestions): documents past it go. */
export async function sweepExpiredDocuments(deps: Deps, now: number): Promise<number> {
  let removed = 0
  for (const collection of COLLECTIONS) {
    const ttl: string | undefined = (SCHEMA[collection] as CollectionDecl).ttlField
    if (!ttl || collection === 'requests') continue
    removed += await removeMatching(deps, collection, {
      where: { [ttl]: { lte: now } },
      orderBy: { field: ttl, direction: 'asc' },
    })
  }
  return removed
}
