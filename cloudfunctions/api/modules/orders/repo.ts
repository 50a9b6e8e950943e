/** Loading and storing orders, categories and timelines; a transition is one versioned write. */
import {
  CategoryDocSchema,
  OrderDocSchema,
  TimelineDocSchema,
  type CategoryDoc,
  type OrderDoc,
  type TimelineDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, notFound } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { findAll } from '../places/load'
import type { TimelineDraft } from './transition'

export async function loadOrder(deps: Deps, id: string): Promise<OrderDoc> {
  const raw = await deps.store.get('orders', id)
  if (!raw) throw notFound('工单不存在')
  return OrderDocSchema.parse(raw)
}

export async function loadCategory(deps: Deps, id: string): Promise<CategoryDoc> {
  const raw = await deps.store.get('categories', id)
  if (!raw) throw notFound('分类不存在')
  return CategoryDocSchema.parse(raw)
}

export async function categoriesOf(deps: Deps, streetId: string): Promise<CategoryDoc[]> {
  return (
    await findAll(deps, 'categories', { where: { streetId }, orderBy: { field: 'sort', direction: 'asc' } }, 5)
  ).map((raw) => CategoryDocSchema.parse(raw))
}

export async function timelineOf(deps: Deps, orderId: string): Promise<TimelineDoc[]> {
  return (await findAll(deps, 'timeline', { where: { orderId }, orderBy: { field: 'seq', direction: 'asc' } }, 10)).map(
    (raw) => TimelineDocSchema.parse(raw),
  )
}

/**
 * Writes the new order and its timeline entry in one transaction. The order's version guards the
 * race: of two workers accepting at once, the second write fails and becomes CONFLICT.
 */
export async function commitTransition(
  deps: Deps,
  next: OrderDoc,
  draft: TimelineDraft,
  actorId: string | null,
  actorLabel: string,
  conflictMessage = '工单已被他人处理，请刷新后查看',
): Promise<OrderDoc> {
  const at = deps.clock.now()
  try {
    return await deps.store.transaction(async (tx) => {
      const stored = await tx.replace('orders', next)
      await tx.insert('timeline', {
        _id: deps.ids.next('tl'),
        orderId: next._id,
        at,
        seq: 2 * stored.version,
        actorId,
        actorLabel,
        ...draft,
        version: 0,
      })
      return OrderDocSchema.parse(stored)
    })
  } catch (err) {
    if (err instanceof StoreConflictError) throw new AppError('CONFLICT', conflictMessage)
    throw err
  }
}
