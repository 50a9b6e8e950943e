/**
 * Where points come from: steps the order loop, the grids and lost and found already record. A report
 * earns at 接单 (never at submit) and is taken back if it is then rejected as not real; a rated report
 * earns its reporter; a hand-over earns its finder; joining a grid earns once. The handlers call these
 * right after their step, and the jobs tick calls them again for what a crash may have left: entry ids
 * are derived from the event, so nothing is awarded twice.
 */
import {
  LedgerDocSchema,
  LostReturnDocSchema,
  OrderDocSchema,
  type LostReturnDoc,
  type OrderDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { isStaffFiled } from '../orders/rules'
import { award, earnId, revoke } from './ledger'

const orderLink = (o: OrderDoc) => `/packages/orders/pages/detail/index?id=${o._id}`

/** After an order step: 接单 awards a valid report, 退回 of an accepted one takes it back, 评价 awards the rating. */
export async function awardForOrder(deps: Deps, order: OrderDoc, step: string): Promise<void> {
  if (isStaffFiled(order)) return
  const base = {
    userId: order.reporterId,
    subjectType: 'order',
    subjectId: order._id,
    link: orderLink(order),
    streetId: order.streetId,
    gridId: order.gridId,
  }
  if (step === 'accepted' && order.acceptedAt !== null)
    await award(deps, { ...base, event: 'report_valid', reason: `随手拍被受理：${order.no}`, at: order.acceptedAt })
  if (step === 'rated' && order.rating)
    await award(deps, { ...base, event: 'report_rated', reason: `上报办结并评价：${order.no}`, at: deps.clock.now() })
  if (step === 'rejected') {
    const raw = await deps.store.get('ledger', earnId('report_valid', 'order', order._id, order.reporterId))
    if (raw) await revoke(deps, LedgerDocSchema.parse(raw), `上报被退回，积分撤回：${order.no}`, deps.clock.now())
  }
}

export async function awardJoin(deps: Deps, userId: string, grid: { _id: string; streetId: string; name: string }) {
  await award(deps, {
    userId,
    event: 'grid_joined',
    subjectType: 'user',
    subjectId: userId,
    reason: `加入${grid.name}`,
    link: '/pages/index/index',
    at: deps.clock.now(),
    streetId: grid.streetId,
    gridId: grid._id,
  })
}

/** The finder of a returned item earns its points; the return is marked awarded in the same write. */
export async function awardReturn(deps: Deps, ret: LostReturnDoc): Promise<void> {
  await award(deps, {
    userId: ret.finderId,
    event: 'lost_returned',
    subjectType: 'lostreturn',
    subjectId: ret._id,
    reason: '拾金不昧，失物已归还失主',
    link: `/packages/lostfound/pages/detail/index?id=${ret.postId}`,
    at: ret.at,
    streetId: ret.streetId,
    gridId: ret.gridId,
    also: async (tx) => {
      const raw = await tx.get('lostreturns', ret._id)
      if (raw && !raw.pointsAwarded) await tx.replace('lostreturns', { ...raw, pointsAwarded: true })
    },
  })
}

const HOUR = 60 * 60 * 1000

/** The tick's part: returns not yet awarded, and reports accepted in the last two days (crash-safe). */
export async function awardPending(deps: Deps, now: number): Promise<number> {
  let done = 0
  const returns = await deps.store.find('lostreturns', {
    where: { pointsAwarded: false },
    orderBy: { field: 'at', direction: 'asc' },
    limit: 100,
  })
  for (const raw of returns.items) {
    await awardReturn(deps, LostReturnDocSchema.parse(raw))
    done++
  }
  let cursor: string | null = null
  do {
    const page = await deps.store.find('orders', {
      where: { acceptedAt: { gte: now - 48 * HOUR } },
      orderBy: { field: 'acceptedAt', direction: 'asc' },
      limit: 100,
      cursor,
    })
    for (const raw of page.items) {
      const order = OrderDocSchema.parse(raw)
      if (order.state === 'rejected' || isStaffFiled(order)) continue
      const id = earnId('report_valid', 'order', order._id, order.reporterId)
      if (await deps.store.get('ledger', id)) continue
      await awardForOrder(deps, order, 'accepted')
      done++
    }
    cursor = page.nextCursor
  } while (cursor)
  return done
}
