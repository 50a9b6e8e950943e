/**
 * Expiry, done by the jobs tick as explicit ledger entries. Spending uses the points that lapse first, so
 * what lapses now is what was earned with a date up to now, less everything already spent, taken back or
 * lapsed (never more than the balance). The entry's id names the person and the latest date it covers:
 * a second tick, or two at once, write nothing more.
 */
import crypto from 'node:crypto'
import { LedgerDocSchema, type LedgerDoc } from '../../../../types'
import type { Deps } from '../../context'
import { append, monthOf, readAccount, retrying } from './ledger'

const STATE_ID = 'expiry_through'
const BATCH = 100

async function entriesOf(deps: Deps, userId: string): Promise<LedgerDoc[]> {
  const all: LedgerDoc[] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.find('ledger', {
      where: { userId },
      orderBy: { field: 'at', direction: 'desc' },
      limit: 100,
      cursor,
    })
    all.push(...page.items.map((raw) => LedgerDocSchema.parse(raw)))
    cursor = page.nextCursor
  } while (cursor)
  return all
}

/** Lapses what `userId` earned with a date up to `now` and has not used; answers the points lapsed. */
export async function expireFor(deps: Deps, userId: string, now: number): Promise<number> {
  const entries = await entriesOf(deps, userId)
  const lapsing = entries.filter((e) => e.kind === 'earn' && e.expiresAt !== null && e.expiresAt <= now)
  if (!lapsing.length) return 0
  const earnedLapsing = lapsing.reduce((n, e) => n + e.points, 0)
  const used = entries.filter((e) => e.points < 0).reduce((n, e) => n - e.points, 0)
  const through = Math.max(...lapsing.map((e) => e.expiresAt ?? 0))
  const id = `led_${crypto.createHash('sha256').update(`expire\n${userId}\n${through}`).digest('base64url').slice(0, 22)}`
  return retrying(deps, async (tx) => {
    const account = await readAccount(tx, userId)
    const points = Math.min(account?.balance ?? 0, earnedLapsing - used)
    if (points <= 0 || (await tx.get('ledger', id))) return 0
    const entry: LedgerDoc = {
      _id: id,
      userId,
      kind: 'expire',
      points: -points,
      event: null,
      subjectType: 'expiry',
      subjectId: String(through),
      reason: '积分到期',
      link: '/packages/credit/pages/home/index',
      at: now,
      month: monthOf(now),
      expiresAt: null,
      streetId: account?.streetId ?? null,
      gridId: account?.gridId ?? null,
      byId: null,
      version: 0,
    }
    const { fresh } = await append(tx, entry, account)
    return fresh ? points : 0
  })
}

/** The tick's part: people whose earnings lapsed since the last run, each brought up to date. */
export async function expirePoints(deps: Deps, now: number): Promise<number> {
  const state = await deps.store.get('creditcaps', STATE_ID)
  const since = state ? Number(state.through) : 0
  const people = new Set<string>()
  let cursor: string | null = null
  do {
    const page = await deps.store.find('ledger', {
      where: { kind: 'earn', expiresAt: { gt: since, lte: now } },
      orderBy: { field: 'expiresAt', direction: 'asc' },
      limit: BATCH,
      cursor,
    })
    for (const raw of page.items) people.add(String(raw.userId))
    cursor = page.nextCursor
  } while (cursor)
  let lapsed = 0
  for (const userId of people) lapsed += await expireFor(deps, userId, now)
  const next = { _id: STATE_ID, through: now, version: Number(state?.version ?? 0) }
  try {
    if (state) await deps.store.replace('creditcaps', next)
    else await deps.store.insert('creditcaps', next)
  } catch {
    // Another tick moved it meanwhile: the next run reads its date.
  }
  return lapsed
}
