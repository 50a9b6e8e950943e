/**
 * The points market (信用集市): items listed by admins at a 兑换点, redeemed in one transaction over the
 * person's account, the item, their per-item count and the new voucher (all by id): no negative balance,
 * no oversell, no more than the per-person limit. Counter staff mark a voucher used, once.
 */
import {
  ExchangePointDocSchema,
  MarketItemDocSchema,
  VoucherDocSchema,
  type ExchangePointDoc,
  type LedgerDoc,
  type MarketItemDoc,
  type MarketItemView,
  type UserDoc,
  type VoucherDoc,
  type VoucherView,
} from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { AppError, conflict, forbidden, notFound, validation } from '../../errors'
import { idFromRequest, randomCode } from '../../codes'
import { isLimited, takeSlot, type Quota } from '../../quota'
import { grantsOf, holds, mayAct } from '../places/can'
import { callerStreets, loadCommunity, loadExchangePoint, loadUsers } from '../places/load'
import { communityPlace, exchangePlace, scoped, streetPlace, OPEN, type ScopedPlace } from '../places/place'
import { open, self } from '../places/rules'
import { audit } from '../audit/log'
import { accountId, append, dayOf, monthOf, readAccount, retrying } from './ledger'

const ADMINS = ['community_admin', 'street_admin'] as const

/** Ten wrong voucher codes a minute per counter person, then RATE_LIMITED: codes cannot be guessed by trying. */
const WRONG_CODES: Quota = {
  key: 'voucher_wrong',
  limit: 10,
  windowMs: 60 * 1000,
  refusal: (wait) => `兑换码输错次数过多，请 ${wait}后再试`,
}

/** Where an item lies: its street, or its community; residents of that place may redeem it. */
function itemPlace(item: MarketItemDoc, viewer?: { user: UserDoc; streets: string[]; community: string | null }) {
  const reaches =
    viewer &&
    viewer.streets.includes(item.streetId) &&
    (item.communityId === null || item.communityId === viewer.community)
      ? [viewer.user._id]
      : []
  return scoped(
    'exchange',
    item._id,
    { streetId: item.streetId, communityId: item.communityId },
    {
      partyIds: reaches,
      hidden: true,
    },
  )
}

/**
 * Where a person shops: the streets they live or work in, and the street they earn in (a rider with no
 * home grid earns where they report, and spends there).
 */
async function viewerOf(deps: Deps, user: UserDoc) {
  const community = user.homeGridId ? String((await deps.store.get('grids', user.homeGridId))?.communityId) : null
  const account = await deps.store.get('accounts', accountId(user._id))
  const earnedIn = typeof account?.streetId === 'string' ? [account.streetId] : []
  return { user, streets: [...new Set([...(await callerStreets(deps, user)), ...earnedIn])], community }
}

export async function loadItem(deps: Deps, id: string): Promise<MarketItemDoc> {
  const raw = await deps.store.get('marketitems', id)
  if (!raw) throw notFound('该物品不存在或已下架')
  return MarketItemDocSchema.parse(raw)
}

async function mineOf(deps: Deps, itemId: string, userId: string): Promise<number> {
  const raw = await deps.store.get('redeemlimits', `lim_${itemId}_${userId}`)
  return raw ? Number(raw.count) : 0
}

async function itemView(deps: Deps, item: MarketItemDoc, user: UserDoc): Promise<MarketItemView> {
  const [point, mine, community] = await Promise.all([
    loadExchangePoint(deps, item.exchangePointId),
    mineOf(deps, item._id, user._id),
    item.communityId ? loadCommunity(deps, item.communityId) : Promise.resolve(null),
  ])
  return {
    id: item._id,
    name: item.name,
    description: item.description,
    price: item.price,
    stock: item.stock,
    perPersonLimit: item.perPersonLimit,
    mine,
    validUntil: item.validUntil,
    exchangePoint: { id: point._id, name: point.name, address: point.address },
    scopeLabel: community ? `${community.name}居民` : '全街道居民',
    active: item.active,
  }
}

async function voucherView(deps: Deps, v: VoucherDoc, viewer: UserDoc): Promise<VoucherView> {
  const [item, point, holders] = await Promise.all([
    deps.store.get('marketitems', v.itemId),
    loadExchangePoint(deps, v.exchangePointId),
    loadUsers(deps, [v.userId]),
  ])
  const holder = holders[0]
  const own = v.userId === viewer._id
  const name = holder ? (holder.realName ?? holder.nickname) : '居民'
  return {
    id: v._id,
    code: own || v.state === 'used' ? v.code : `${v.code.slice(0, 2)}******${v.code.slice(-2)}`,
    itemName: String(item?.name ?? ''),
    price: v.price,
    state: v.state === 'issued' && v.validUntil < deps.clock.now() ? 'expired' : v.state,
    exchangePointName: point.name,
    exchangePointAddress: point.address,
    validUntil: v.validUntil,
    usedAt: v.usedAt,
    holderName: own ? name : `${name.slice(0, 1)}**`,
    createdAt: v.createdAt,
  }
}

/** Redeeming: everything checked and written in one transaction; a retried request answers its voucher. */
async function redeem(deps: Deps, user: UserDoc, itemId: string, requestId: string | null): Promise<VoucherDoc> {
  const voucherId = idFromRequest('vch', user._id, requestId ?? deps.ids.next('v'))
  const code = randomCode(10)
  return retrying(deps, async (tx) => {
    const done = await tx.get('vouchers', voucherId)
    if (done) return VoucherDocSchema.parse(done)
    const rawItem = await tx.get('marketitems', itemId)
    if (!rawItem) throw notFound('该物品不存在或已下架')
    const item = MarketItemDocSchema.parse(rawItem)
    const now = deps.clock.now()
    if (!item.active || item.validUntil < now) throw conflict('该物品已下架')
    if (item.stock <= 0) throw new AppError('OUT_OF_STOCK', `「${item.name}」已兑完`)
    const limitId = `lim_${item._id}_${user._id}`
    const rawLimit = await tx.get('redeemlimits', limitId)
    const taken = rawLimit ? Number(rawLimit.count) : 0
    if (taken >= item.perPersonLimit) throw conflict(`「${item.name}」每人限兑 ${item.perPersonLimit} 件，您已兑换`)
    const account = await readAccount(tx, user._id)
    const balance = account?.balance ?? 0
    if (balance < item.price)
      throw new AppError('INSUFFICIENT_POINTS', `积分不足：需要 ${item.price} 分，您现有 ${balance} 分`)
    const voucher: VoucherDoc = {
      _id: voucherId,
      code,
      itemId: item._id,
      userId: user._id,
      exchangePointId: item.exchangePointId,
      streetId: item.streetId,
      communityId: item.communityId,
      price: item.price,
      state: 'issued',
      validUntil: item.validUntil,
      usedAt: null,
      usedBy: null,
      createdAt: now,
      version: 0,
    }
    const spend: LedgerDoc = {
      _id: `led_spend_${voucherId}`,
      userId: user._id,
      kind: 'spend',
      points: -item.price,
      event: null,
      subjectType: 'voucher',
      subjectId: voucherId,
      reason: `兑换「${item.name}」`,
      link: `/packages/credit/pages/vouchers/index?id=${voucherId}`,
      at: now,
      month: monthOf(now),
      expiresAt: null,
      streetId: item.streetId,
      gridId: account?.gridId ?? null,
      byId: null,
      version: 0,
    }
    await tx.replace('marketitems', { ...item, stock: item.stock - 1, issued: item.issued + 1 })
    if (rawLimit) await tx.replace('redeemlimits', { ...rawLimit, count: taken + 1 })
    else await tx.insert('redeemlimits', { _id: limitId, count: 1, version: 0 })
    await tx.insert('vouchers', voucher)
    await append(tx, spend, account)
    return voucher
  })
}

async function byCode(deps: Deps, code: string): Promise<VoucherDoc | null> {
  const page = await deps.store.find('vouchers', { where: { code }, limit: 1 })
  return page.items[0] ? VoucherDocSchema.parse(page.items[0]) : null
}

/** Where a voucher is used: its 兑换点 (its counter staff, and the admins of its street or community). */
const voucherPlace = (v: VoucherDoc): ScopedPlace =>
  scoped(
    'exchange',
    v._id,
    { streetId: v.streetId, communityId: v.communityId },
    {
      exchangePointId: v.exchangePointId,
      refusal: '只能核销本兑换点的兑换券',
    },
  )

/** Where an admin lists an item: the community named, else the street they administer. */
async function savePlace(deps: Deps, input: { id?: string; communityId?: string; exchangePointId: string }) {
  const point = await loadExchangePoint(deps, input.exchangePointId)
  const existing = input.id ? await loadItem(deps, input.id) : null
  const community = existing ? existing.communityId : (input.communityId ?? null)
  const places: ScopedPlace[] = [
    community ? communityPlace(await loadCommunity(deps, community)) : streetPlace(point.streetId),
  ]
  if (existing)
    places.push(
      existing.communityId
        ? communityPlace(await loadCommunity(deps, existing.communityId))
        : streetPlace(existing.streetId),
    )
  return places
}

type MarketActions =
  'market.list' | 'market.save' | 'market.redeem' | 'market.vouchers' | 'market.exchangePoints' | 'market.useVoucher'

export const marketHandlers: { [A in MarketActions]: Handler<A> } = {
  'market.list': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => {
      const viewer = await viewerOf(deps, user)
      const items: MarketItemDoc[] = []
      let nextCursor: string | null = null
      for (const streetId of viewer.streets.slice(0, 1)) {
        const page = await deps.store.find('marketitems', {
          where: { streetId, active: input.manage ? { in: [true, false] } : true },
          orderBy: { field: 'createdAt', direction: 'desc' },
          limit: 20,
          cursor: input.cursor ?? null,
        })
        items.push(...page.items.map((raw) => MarketItemDocSchema.parse(raw)))
        nextCursor = page.nextCursor
      }
      const now = deps.clock.now()
      const shown = items.filter((item) =>
        input.manage
          ? holds(user, ADMINS, item.communityId ? itemPlace(item) : streetPlace(item.streetId))
          : item.validUntil >= now && mayAct(user, 'any', itemPlace(item, viewer)),
      )
      return { items: await Promise.all(shown.map((i) => itemView(deps, i, user))), nextCursor }
    },
  },
  'market.save': {
    roles: ADMINS,
    place: savePlace,
    handle: async ({ deps, user, requestId }, input) => {
      const point = await loadExchangePoint(deps, input.exchangePointId)
      const now = deps.clock.now()
      if (input.communityId && (await loadCommunity(deps, input.communityId)).streetId !== point.streetId)
        throw validation('兑换点不在该社区所在的街道', [{ path: 'exchangePointId', message: '请选择本街道的兑换点' }])
      if (input.validUntil < now)
        throw validation('有效期已过', [{ path: 'validUntil', message: '请选择今天以后的日期' }])
      const fields = {
        exchangePointId: point._id,
        name: input.name,
        description: input.description,
        price: input.price,
        stock: input.stock,
        perPersonLimit: input.perPersonLimit,
        validUntil: input.validUntil,
        active: input.active,
      }
      let item: MarketItemDoc
      if (input.id) {
        const id = input.id
        item = await retrying(deps, async (tx) => {
          const raw = await tx.get('marketitems', id)
          if (!raw) throw notFound('该物品不存在')
          const next = { ...MarketItemDocSchema.parse(raw), ...fields }
          await tx.replace('marketitems', next)
          return next
        })
      } else {
        // A street admin lists for the street (or a community named); a community admin for their community.
        const isStreetAdmin = grantsOf(user, 'street_admin').some((g) => g.streetId === point.streetId)
        const communityId = isStreetAdmin
          ? (input.communityId ?? null)
          : (input.communityId ?? grantsOf(user, 'community_admin')[0]?.communityId ?? null)
        item = {
          _id: idFromRequest('mi', user._id, requestId ?? deps.ids.next('mi')),
          streetId: point.streetId,
          communityId,
          ...fields,
          issued: 0,
          createdAt: now,
          version: 0,
        }
        if (!(await deps.store.get('marketitems', item._id))) await deps.store.insert('marketitems', item)
      }
      await audit(deps, {
        actorId: user._id,
        action: 'points.item',
        targetType: 'marketitem',
        targetId: item._id,
        detail: `集市物品「${item.name}」${item.price} 分，库存 ${item.stock}`,
        streetId: item.streetId,
        communityId: item.communityId,
      })
      return itemView(deps, item, user)
    },
  },
  'market.redeem': {
    roles: 'any',
    place: async (deps, input, user) => itemPlace(await loadItem(deps, input.itemId), await viewerOf(deps, user)),
    handle: async ({ deps, user, requestId }, input) =>
      voucherView(deps, await redeem(deps, user, input.itemId, requestId), user),
  },
  'market.vouchers': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }, input) => {
      const page = await deps.store.find('vouchers', {
        where: { userId: user._id },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      const items = await Promise.all(page.items.map((raw) => voucherView(deps, VoucherDocSchema.parse(raw), user)))
      return { items, nextCursor: page.nextCursor }
    },
  },
  'market.exchangePoints': {
    roles: [...ADMINS, 'counter_staff'],
    place: open,
    handle: async ({ deps, user }) => {
      const points: ExchangePointDoc[] = []
      for (const streetId of await callerStreets(deps, user)) {
        const page = await deps.store.find('exchangepoints', {
          where: { streetId },
          orderBy: { field: 'name', direction: 'asc' },
          limit: 100,
        })
        points.push(...page.items.map((raw) => ExchangePointDocSchema.parse(raw)))
      }
      const mine = points.filter((p) => holds(user, [...ADMINS, 'counter_staff'], exchangePlace(p)))
      return { items: mine.map((p) => ({ id: p._id, name: p.name, address: p.address })) }
    },
  },
  'market.useVoucher': {
    roles: [...ADMINS, 'counter_staff'],
    place: async (deps, input) => {
      const voucher = await byCode(deps, input.code)
      return voucher ? voucherPlace(voucher) : OPEN
    },
    handle: async ({ deps, user }, input) => {
      if (await isLimited(deps, WRONG_CODES, user._id))
        throw new AppError('RATE_LIMITED', '兑换码输错次数过多，请 1 分钟后再试')
      const found = await byCode(deps, input.code)
      if (!found) {
        await takeSlot(deps, WRONG_CODES, user._id)
        throw notFound('兑换码不存在，请核对后重新输入')
      }
      if (!holds(user, [...ADMINS, 'counter_staff'], voucherPlace(found))) throw forbidden('只能核销本兑换点的兑换券')
      const now = deps.clock.now()
      const used = await retrying(deps, async (tx) => {
        const raw = await tx.get('vouchers', found._id)
        const v = VoucherDocSchema.parse(raw)
        if (v.state === 'used') throw conflict(`该兑换券已于 ${dayOf(v.usedAt ?? 0)} 使用`)
        if (v.validUntil < now) throw conflict('该兑换券已过期')
        const next: VoucherDoc = { ...v, state: 'used', usedAt: now, usedBy: user._id }
        await tx.replace('vouchers', next)
        return next
      })
      return voucherView(deps, used, user)
    },
  },
}
