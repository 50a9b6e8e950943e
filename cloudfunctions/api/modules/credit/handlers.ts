/** The credit actions: my balance and ledger, ranking, the street's rules, corrections, figures and exports. */
import {
  AccountDocSchema,
  CREDIT_EVENTS,
  CreditRuleDocSchema,
  LedgerDocSchema,
  type AccountDoc,
  type CreditRuleDoc,
  type CreditSummary,
  type LedgerDoc,
  type UserDoc,
} from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { AppError, notFound } from '../../errors'
import { idFromRequest } from '../../codes'
import { open, self, atStreet } from '../places/rules'
import { adminScopeWhere, grantsOf, holds } from '../places/can'
import { callerStreets, loadGrid, loadUsers } from '../places/load'
import { gridPlace, scoped, streetPlace } from '../places/place'
import { audit } from '../audit/log'
import { accountId, append, monthOf, newAccount, readAccount, retrying, ruleId } from './ledger'
import { exportWorkbook } from './export'

const DAY = 24 * 60 * 60 * 1000
const SOON = 60 * DAY
const ADMINS = ['community_admin', 'street_admin'] as const

const masked = (u: UserDoc | undefined) => {
  const name = u ? (u.realName ?? u.nickname) : '居民'
  return `${name.slice(0, 1)}**`
}

async function accountOf(deps: Deps, userId: string): Promise<AccountDoc | null> {
  const raw = await deps.store.get('accounts', accountId(userId))
  return raw ? AccountDocSchema.parse(raw) : null
}

const view = (e: LedgerDoc) => ({
  id: e._id,
  kind: e.kind,
  points: e.points,
  reason: e.reason,
  link: e.link,
  at: e.at,
  expiresAt: e.expiresAt,
})

/** Points earned with a date within 60 days, less what was used (spending uses what lapses first). */
async function expiringSoon(deps: Deps, account: AccountDoc, now: number): Promise<CreditSummary['expiringSoon']> {
  const page = await deps.store.find('ledger', {
    where: { userId: account.userId, kind: 'earn', expiresAt: { gt: now, lte: now + SOON } },
    orderBy: { field: 'expiresAt', direction: 'asc' },
    limit: 100,
  })
  const lots = page.items.map((raw) => LedgerDocSchema.parse(raw))
  if (!lots.length) return { points: 0, at: null }
  // What lapsed or was used already comes off the earliest lots first; never more than the balance.
  const points = Math.min(
    account.balance,
    lots.reduce((n, e) => n + e.points, 0),
  )
  return { points: Math.max(0, points), at: lots[0]?.expiresAt ?? null }
}

async function rankIn(deps: Deps, field: 'gridId' | 'streetId', value: string | null, account: AccountDoc) {
  if (!value || account.rankHidden) return null
  const above = await deps.store.count('accounts', {
    [field]: value,
    rankHidden: false,
    balance: { gt: account.balance },
  })
  return above + 1
}

async function summary(deps: Deps, user: UserDoc): Promise<CreditSummary> {
  const account = (await accountOf(deps, user._id)) ?? newAccount(user._id)
  const gridId = account.gridId ?? user.homeGridId
  const streetId = account.streetId ?? (gridId ? (await loadGrid(deps, gridId)).streetId : null)
  const top = gridId
    ? await deps.store.find('accounts', {
        where: { gridId, rankHidden: false },
        orderBy: { field: 'balance', direction: 'desc' },
        limit: 5,
      })
    : { items: [] }
  const leaders = top.items.map((raw) => AccountDocSchema.parse(raw)).filter((a) => a.balance > 0)
  const people = await loadUsers(
    deps,
    leaders.map((a) => a.userId),
  )
  const inBoard = account.gridId !== null && account.balance > 0
  return {
    balance: account.balance,
    earned: account.earned,
    spent: account.spent,
    expiringSoon: await expiringSoon(deps, account, deps.clock.now()),
    rankHidden: account.rankHidden,
    gridRank: inBoard ? await rankIn(deps, 'gridId', gridId, account) : null,
    streetRank: inBoard ? await rankIn(deps, 'streetId', streetId, account) : null,
    leaders: leaders.map((a) => ({
      name: masked(people.find((p) => p._id === a.userId)),
      balance: a.balance,
      isMe: a.userId === user._id,
    })),
  }
}

const ruleView = (r: CreditRuleDoc) => ({
  event: r.event,
  points: r.points,
  dailyCap: r.dailyCap,
  expiry: r.expiry,
  active: r.active,
})

/** A person's place for corrections: their home grid (an admin of it may correct), else nowhere. */
async function personPlace(deps: Deps, userId: string) {
  const [person] = await loadUsers(deps, [userId])
  if (!person) throw notFound('没有找到这位居民')
  const account = await accountOf(deps, userId)
  const gridId = person.homeGridId ?? account?.gridId ?? null
  if (!gridId) return { ...scoped('account', userId, { streetId: account?.streetId ?? null }), hidden: true }
  return { ...gridPlace(await loadGrid(deps, gridId)), kind: 'account' as const, id: userId, hidden: true }
}

type CreditActions =
  | 'credit.summary'
  | 'credit.ledger'
  | 'credit.setRanking'
  | 'credit.rules'
  | 'credit.saveRule'
  | 'credit.correct'
  | 'credit.stats'
  | 'credit.export'

export const creditHandlers: { [A in CreditActions]: Handler<A> } = {
  'credit.summary': {
    roles: 'any',
    place: self,
    handle: ({ deps, user }) => summary(deps, user),
  },
  'credit.ledger': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }, input) => {
      const page = await deps.store.find('ledger', {
        where: { userId: user._id },
        orderBy: { field: 'at', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      return { items: page.items.map((raw) => view(LedgerDocSchema.parse(raw))), nextCursor: page.nextCursor }
    },
  },
  'credit.setRanking': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }, input) => {
      await retrying(deps, async (tx) => {
        const account = await readAccount(tx, user._id)
        if (account) await tx.replace('accounts', { ...account, rankHidden: input.hidden })
        else await tx.insert('accounts', { ...newAccount(user._id), gridId: user.homeGridId, rankHidden: input.hidden })
      })
      return summary(deps, user)
    },
  },
  'credit.rules': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => {
      const [streetId] = input.streetId ? [input.streetId] : await callerStreets(deps, user)
      if (!streetId) return { items: [] }
      const page = await deps.store.find('creditrules', {
        where: { streetId },
        orderBy: { field: 'event', direction: 'asc' },
        limit: 20,
      })
      const rules = page.items.map((raw) => CreditRuleDocSchema.parse(raw))
      return { items: CREDIT_EVENTS.flatMap((e) => rules.filter((r) => r.event === e).map(ruleView)) }
    },
  },
  'credit.saveRule': {
    roles: ['street_admin'],
    place: atStreet((i) => i.streetId),
    handle: async ({ deps, user }, input) => {
      const streetId = input.streetId ?? grantsOf(user, 'street_admin')[0]?.streetId ?? ''
      const id = ruleId(streetId, input.event)
      const fields = { points: input.points, dailyCap: input.dailyCap, expiry: input.expiry, active: input.active }
      const saved = await retrying(deps, async (tx) => {
        const raw = await tx.get('creditrules', id)
        const next: CreditRuleDoc = raw
          ? { ...CreditRuleDocSchema.parse(raw), ...fields }
          : { _id: id, streetId, event: input.event, ...fields, version: 0 }
        if (raw) await tx.replace('creditrules', next)
        else await tx.insert('creditrules', next)
        return next
      })
      await audit(deps, {
        actorId: user._id,
        action: 'points.rule',
        targetType: 'creditrule',
        targetId: id,
        detail: `积分规则 ${input.event}：${input.points} 分，每日上限 ${input.dailyCap}`,
        streetId,
      })
      return ruleView(saved)
    },
  },
  'credit.correct': {
    roles: ADMINS,
    place: (deps, input) => personPlace(deps, input.userId),
    handle: async ({ deps, user, requestId }, input) => {
      const now = deps.clock.now()
      const account = await accountOf(deps, input.userId)
      const [person] = await loadUsers(deps, [input.userId])
      const gridId = person?.homeGridId ?? account?.gridId ?? null
      const streetId = gridId ? (await loadGrid(deps, gridId)).streetId : (account?.streetId ?? null)
      const entry: LedgerDoc = {
        _id: idFromRequest('led', 'correct', user._id, requestId ?? deps.ids.next('c')),
        userId: input.userId,
        kind: 'correct',
        points: input.points,
        event: null,
        subjectType: 'correction',
        subjectId: user._id,
        reason: `人工调整：${input.reason}`,
        link: '/packages/credit/pages/home/index',
        at: now,
        month: monthOf(now),
        expiresAt: null,
        streetId,
        gridId,
        byId: user._id,
        version: 0,
      }
      const written = await retrying(deps, async (tx) => {
        const current = await readAccount(tx, input.userId)
        if (input.points < 0 && (current?.balance ?? 0) + input.points < 0)
          throw new AppError(
            'INSUFFICIENT_POINTS',
            `该居民只有 ${current?.balance ?? 0} 分，不能扣减 ${-input.points} 分`,
          )
        return (await append(tx, entry, current)).entry
      })
      await audit(deps, {
        actorId: user._id,
        action: 'points.correct',
        targetType: 'user',
        targetId: input.userId,
        detail: `积分调整 ${input.points > 0 ? '+' : ''}${input.points}：${input.reason}`,
        streetId: streetId ?? '',
        gridId,
      })
      return view(written)
    },
  },
  'credit.stats': {
    roles: ADMINS,
    place: open,
    handle: async ({ deps, user }, input) => {
      const scope = adminScopeWhere(user)
      const streets = 'streetId' in scope ? scope.streetId.in : await callerStreets(deps, user)
      const rows = []
      for (const streetId of streets) {
        const page = await deps.store.find('creditstats', {
          where: { streetId, ...(input.month ? { month: input.month } : {}) },
          ...(input.month ? {} : { orderBy: { field: 'month', direction: 'desc' as const } }),
          limit: 100,
        })
        for (const raw of page.items) {
          const gridId = typeof raw.gridId === 'string' ? raw.gridId : null
          const grid = gridId ? await loadGrid(deps, gridId) : null
          const place = grid ? gridPlace(grid) : streetPlace(streetId)
          if (!holds(user, ADMINS, place)) continue
          rows.push({
            month: String(raw.month),
            gridId,
            gridName: grid?.name ?? '街道（未入格）',
            issued: Number(raw.issued),
            redeemed: Number(raw.redeemed),
            expired: Number(raw.expired),
          })
        }
      }
      return {
        items: rows.sort((a, b) =>
          a.month === b.month ? a.gridName.localeCompare(b.gridName) : a.month < b.month ? 1 : -1,
        ),
      }
    },
  },
  'credit.export': {
    roles: ADMINS,
    place: open,
    handle: ({ deps, user }, input) => exportWorkbook(deps, user, input.what, input.month),
  },
}
