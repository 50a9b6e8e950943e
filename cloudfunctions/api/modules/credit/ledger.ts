/**
 * The ledger: every change of a balance is one appended entry written in the same transaction as the
 * person's account (and the month's figures), all addressed by id. Entry ids are derived from what caused
 * them (rule, subject, person), so the same event never awards twice, retried or run at once, whether the
 * handler or the jobs tick sees it first. Nothing is ever edited or deleted; corrections are new entries.
 */
import crypto from 'node:crypto'
import {
  AccountDocSchema,
  CreditRuleDocSchema,
  LedgerDocSchema,
  type AccountDoc,
  type CreditEvent,
  type CreditRuleDoc,
  type LedgerDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { StoreConflictError, type TxHandle } from '../../store/port'
import { backoff } from '../../store/update'

const HOUR = 60 * 60 * 1000
const CST = 8 * HOUR

export const monthOf = (at: number) => new Date(at + CST).toISOString().slice(0, 7)
export const dayOf = (at: number) => new Date(at + CST).toISOString().slice(0, 10)
export const accountId = (userId: string) => `acct_${userId}`
const digest = (...parts: (string | null)[]) =>
  crypto
    .createHash('sha256')
    .update(parts.map((p) => p ?? '-').join('\n'))
    .digest('base64url')
    .slice(0, 22)

/** The id of an earning: one per (event, subject, person), ever. */
export const earnId = (event: CreditEvent, subjectType: string, subjectId: string, userId: string) =>
  `led_${digest('earn', event, subjectType, subjectId, userId)}`
export const revokeId = (entryId: string) => `led_${digest('revoke', entryId)}`

export const ruleId = (streetId: string, event: CreditEvent) => `cr_${streetId}_${event}`

export async function loadRule(deps: Deps, streetId: string, event: CreditEvent): Promise<CreditRuleDoc | null> {
  const raw = await deps.store.get('creditrules', ruleId(streetId, event))
  return raw ? CreditRuleDocSchema.parse(raw) : null
}

/** The end of the year after `at` (China Standard Time): when points under that policy lapse. */
export function endOfNextYear(at: number): number {
  const year = Number(new Date(at + CST).toISOString().slice(0, 4))
  return Date.parse(`${year + 2}-01-01T00:00:00+08:00`)
}

export function newAccount(userId: string): AccountDoc {
  return {
    _id: accountId(userId),
    userId,
    balance: 0,
    earned: 0,
    spent: 0,
    expired: 0,
    streetId: null,
    gridId: null,
    rankHidden: false,
    version: 0,
  }
}

export async function readAccount(tx: TxHandle, userId: string): Promise<AccountDoc | null> {
  const raw = await tx.get('accounts', accountId(userId))
  return raw ? AccountDocSchema.parse(raw) : null
}

/** What an entry does to the account's figures. */
function applied(account: AccountDoc, entry: LedgerDoc): AccountDoc {
  const next = { ...account, balance: account.balance + entry.points }
  if (entry.kind === 'earn' || (entry.kind === 'correct' && entry.points > 0)) next.earned += entry.points
  else if (entry.kind === 'spend') next.spent -= entry.points
  else if (entry.kind === 'expire') next.expired -= entry.points
  else next.earned += entry.points // revocations and negative corrections take back what was earned
  if (entry.streetId && entry.kind === 'earn') {
    next.streetId = entry.streetId
    next.gridId = entry.gridId
  }
  return next
}

const STAT_FIELD: Record<LedgerDoc['kind'], 'issued' | 'redeemed' | 'expired'> = {
  earn: 'issued',
  revoke: 'issued',
  correct: 'issued',
  spend: 'redeemed',
  expire: 'expired',
}

/** Adds the entry to its street, grid and month's figures (one document each, by id). */
async function count(tx: TxHandle, entry: LedgerDoc): Promise<void> {
  if (!entry.streetId || entry.points === 0) return
  const id = `cs_${entry.streetId}_${entry.gridId ?? '-'}_${entry.month}`
  const raw = await tx.get('creditstats', id)
  const field = STAT_FIELD[entry.kind]
  const delta = field === 'issued' ? entry.points : -entry.points
  if (!raw) {
    const fresh = { issued: 0, redeemed: 0, expired: 0, [field]: delta }
    await tx.insert('creditstats', {
      _id: id,
      streetId: entry.streetId,
      gridId: entry.gridId,
      month: entry.month,
      ...fresh,
      version: 0,
    })
    return
  }
  await tx.replace('creditstats', { ...raw, [field]: Number(raw[field] ?? 0) + delta })
}

/**
 * Appends `entry` inside `tx` with its account and figures. Answers the stored entry and false when an
 * entry of that id exists already (the event was recorded before), so callers stay idempotent.
 */
export async function append(
  tx: TxHandle,
  entry: LedgerDoc,
  account: AccountDoc | null,
): Promise<{ entry: LedgerDoc; fresh: boolean; account: AccountDoc }> {
  const existing = await tx.get('ledger', entry._id)
  const current = account ?? newAccount(entry.userId)
  if (existing) return { entry: LedgerDocSchema.parse(existing), fresh: false, account: current }
  if (current.balance + entry.points < 0) throw new Error(`ledger entry ${entry._id} would make a balance negative`)
  await tx.insert('ledger', entry)
  const next = applied(current, entry)
  if (account) await tx.replace('accounts', next)
  else await tx.insert('accounts', next)
  await count(tx, entry)
  return { entry, fresh: true, account: { ...next, version: current.version + (account ? 1 : 0) } }
}

/** Runs a ledger transaction, again after a lost race (another write to the same account or item). */
export async function retrying<T>(deps: Deps, fn: (tx: TxHandle) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.transaction(fn)
    } catch (err) {
      if (!(err instanceof StoreConflictError) || attempt >= 40) throw err
      await backoff(attempt + 1)
    }
  }
}

export interface Earning {
  userId: string
  event: CreditEvent
  subjectType: string
  subjectId: string
  reason: string
  link: string | null
  at: number
  streetId: string
  gridId: string | null
  byId?: string | null
  /** Volunteer hours: the rule's points per hour times this. */
  times?: number
  /** More writes of the same transaction (e.g. marking a lost-and-found return awarded). */
  also?: (tx: TxHandle) => Promise<void>
}

/**
 * Awards an event under its street's rule: nothing when the rule is off or gives 0, at most the daily cap
 * left (per person, event and day in China Standard Time), exactly once per (event, subject, person).
 */
export async function award(deps: Deps, e: Earning): Promise<LedgerDoc | null> {
  const rule = await loadRule(deps, e.streetId, e.event)
  const points = rule?.active ? Math.round(rule.points * (e.times ?? 1)) : 0
  const id = earnId(e.event, e.subjectType, e.subjectId, e.userId)
  return retrying(deps, async (tx) => {
    if (e.also) await e.also(tx)
    const existing = await tx.get('ledger', id)
    if (existing) return LedgerDocSchema.parse(existing)
    if (!rule || points <= 0) return null
    const capId = `cap_${e.userId}_${e.event}_${dayOf(e.at)}`
    const cap = rule.dailyCap > 0 ? await tx.get('creditcaps', capId) : null
    const used = cap ? Number(cap.points) : 0
    const granted = rule.dailyCap > 0 ? Math.min(points, rule.dailyCap - used) : points
    if (granted <= 0) return null
    const entry: LedgerDoc = {
      _id: id,
      userId: e.userId,
      kind: 'earn',
      points: granted,
      event: e.event,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      reason: granted < points ? `${e.reason}（已达今日上限）` : e.reason,
      link: e.link,
      at: e.at,
      month: monthOf(e.at),
      expiresAt: rule.expiry === 'end_of_next_year' ? endOfNextYear(e.at) : null,
      streetId: e.streetId,
      gridId: e.gridId,
      byId: e.byId ?? null,
      version: 0,
    }
    const { entry: written } = await append(tx, entry, await readAccount(tx, e.userId))
    if (rule.dailyCap > 0) {
      if (cap) await tx.replace('creditcaps', { ...cap, points: used + granted })
      else await tx.insert('creditcaps', { _id: capId, points: granted, version: 0 })
    }
    return written
  })
}

/**
 * Takes an earning back with a compensating entry (a report later rejected as not real), never below a
 * zero balance: points already spent stay spent and the entry says so.
 */
export async function revoke(deps: Deps, earning: LedgerDoc, reason: string, at: number): Promise<LedgerDoc | null> {
  return retrying(deps, async (tx) => {
    const account = await readAccount(tx, earning.userId)
    const back = Math.min(earning.points, account?.balance ?? 0)
    const entry: LedgerDoc = {
      ...earning,
      _id: revokeId(earning._id),
      kind: 'revoke',
      points: -back,
      reason: back < earning.points ? `${reason}（已兑换的 ${earning.points - back} 分不再扣回）` : reason,
      at,
      month: monthOf(at),
      expiresAt: null,
      version: 0,
    }
    return (await append(tx, entry, account)).entry
  })
}
