/** Timer work for orders: escalate overdue ones (grid → community → street, 督办), auto-close unrated ones. */
import { OPEN_STATES, OrderDocSchema, type OrderDoc } from '../../../types'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { commitTransition, loadCategory } from '../modules/orders/repo'
import { transition, AUTO_CLOSE_MS, LEVEL_RANK, ownerLevel, type OrderEvent } from '../modules/orders/transition'
import { hoursLate } from '../modules/orders/deadlines'
import { notifyStep } from '../modules/orders/notify'

const BATCH = 100
const MAX_BATCHES = 20
const SYSTEM = { id: null, kinds: new Set(['system'] as const) }
/** Late by a day more, it goes from the community up to the street. */
export const STREET_AFTER_HOURS = 24

const NEXT_LEVEL = { grid: 'community', community: 'street', street: 'street' } as const

/**
 * Where an overdue order goes now: one level above the level that owns it (grid → community →
 * street; the street's own queue is flagged at the street), and to the street a day later.
 */
export function escalationFor(order: OrderDoc, now: number): 'community' | 'street' | null {
  const late = hoursLate(order.dueAt, now)
  if (late <= 0) return null
  if (late >= STREET_AFTER_HOURS) return 'street'
  return NEXT_LEVEL[ownerLevel(order)]
}

/** Whether escalating to `level` changes anything: a higher level, or the street queue not yet flagged. */
export function escalates(order: OrderDoc, level: 'community' | 'street'): boolean {
  if (LEVEL_RANK[level] > LEVEL_RANK[order.escalation]) return true
  return level === 'street' && order.escalation === 'street' && !order.supervised
}

async function apply(deps: Deps, order: OrderDoc, event: OrderEvent): Promise<boolean> {
  const result = transition(order, SYSTEM, event, deps.clock.now(), await loadCategory(deps, order.categoryId))
  if (!result.ok) return false
  try {
    const saved = await commitTransition(deps, result.order, result.timeline, null, '系统')
    await notifyStep(deps, saved, result.timeline.type, result.timeline.note, null)
    return true
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return false // someone acted meanwhile; next tick re-checks
    throw err
  }
}

export async function escalateOverdue(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  let changed = 0
  let cursor: string | null = null
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page = await deps.store.find('orders', {
      where: { state: { in: [...OPEN_STATES] }, dueAt: { lt: now } },
      orderBy: { field: 'dueAt', direction: 'asc' },
      limit: BATCH,
      cursor,
    })
    for (const raw of page.items) {
      const order = OrderDocSchema.parse(raw)
      const level = escalationFor(order, now)
      if (level && escalates(order, level) && (await apply(deps, order, { type: 'escalate', level }))) changed++
    }
    cursor = page.nextCursor
    if (!cursor) break
  }
  return changed
}

export async function autoCloseResolved(deps: Deps): Promise<number> {
  const cutoff = deps.clock.now() - AUTO_CLOSE_MS
  let changed = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page = await deps.store.find('orders', {
      where: { state: 'resolved', resolvedAt: { lte: cutoff } },
      orderBy: { field: 'resolvedAt', direction: 'asc' },
      limit: BATCH,
    })
    let progressed = 0
    for (const raw of page.items) if (await apply(deps, OrderDocSchema.parse(raw), { type: 'auto_close' })) progressed++
    changed += progressed
    if (page.items.length < BATCH || progressed === 0) break
  }
  return changed
}
