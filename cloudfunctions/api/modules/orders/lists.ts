/** The order lists staff work from (待办, 督办), each queried from the caller's scope and checked by the one rule. */
import { OPEN_STATES, OrderDocSchema, type OrderDoc, type UserDoc } from '../../../../types'
import type { Deps } from '../../context'
import type { Page, Where } from '../../store/port'
import { grantsOf, visibleTo } from '../places/can'
import { placeOfOrder } from './access'
import { nameCache, presentSummary } from './present'

const PAGE = 20
const ids = (values: (string | undefined)[]) => values.flatMap((v) => (v ? [v] : []))

export async function summaries(deps: Deps, viewer: UserDoc, docs: OrderDoc[]) {
  const names = nameCache(deps)
  return Promise.all(visibleTo(viewer, 'any', docs, placeOfOrder).map((o) => presentSummary(deps, o, names, viewer)))
}

/** A page of orders as summaries for this viewer, keeping only what they may see. */
export async function summaryPage(deps: Deps, viewer: UserDoc, page: Page) {
  return {
    items: await summaries(
      deps,
      viewer,
      page.items.map((raw) => OrderDocSchema.parse(raw)),
    ),
    nextCursor: page.nextCursor,
  }
}

/**
 * 待办: a grid worker's grids, else a department's desk, else a community admin's community, else
 * the street admin's queue of orders reported outside every grid (待派单).
 */
export function inboxWhere(user: UserDoc, state: OrderDoc['state'] | undefined): Where | null {
  const open = state ? [state] : ['dispatched', 'accepted', 'in_progress']
  const gridIds = grantsOf(user, 'grid_worker').flatMap((g) => g.gridIds ?? [])
  if (gridIds.length) return { state: { in: open }, gridId: { in: gridIds } }
  const departments = ids(grantsOf(user, 'department').map((g) => g.departmentId))
  if (departments.length) return { state: { in: open }, departmentId: { in: departments } }
  const communities = ids(grantsOf(user, 'community_admin').map((g) => g.communityId))
  if (communities.length) return { state: { in: open }, communityId: { in: communities } }
  const streets = ids(grantsOf(user, 'street_admin').map((g) => g.streetId))
  if (streets.length) return { state: { in: state ? [state] : ['submitted'] }, streetId: { in: streets } }
  return null
}

export async function inboxPage(
  deps: Deps,
  user: UserDoc,
  input: { state?: OrderDoc['state']; categoryId?: string; cursor?: string },
) {
  const where = inboxWhere(user, input.state)
  if (!where) return { items: [], nextCursor: null }
  const orderBy = { field: 'dueAt', direction: 'asc' as const }
  const page = await deps.store.find('orders', { where, orderBy, limit: PAGE, cursor: input.cursor ?? null })
  const worksGrids = 'gridId' in where
  const departments = ids(grantsOf(user, 'department').map((g) => g.departmentId))
  // A grid worker's queue leaves out what a department holds now (unless it is the worker's own department).
  const docs = page.items
    .map((raw) => OrderDocSchema.parse(raw))
    .filter((o) => !input.categoryId || o.categoryId === input.categoryId)
    .filter((o) => !worksGrids || !o.departmentId || departments.includes(o.departmentId))
  return { items: await summaries(deps, user, docs), nextCursor: page.nextCursor }
}

/** 督办: supervised open orders of the admin's street, or of their community. */
export async function overduePage(deps: Deps, user: UserDoc, cursor: string | null) {
  const streets = ids(grantsOf(user, 'street_admin').map((g) => g.streetId))
  const communities = ids(grantsOf(user, 'community_admin').map((g) => g.communityId))
  const scope: Where = streets.length ? { streetId: { in: streets } } : { communityId: { in: communities } }
  const where: Where = { ...scope, supervised: true, state: { in: [...OPEN_STATES] } }
  const page = await deps.store.find('orders', {
    where,
    orderBy: { field: 'dueAt', direction: 'asc' },
    limit: PAGE,
    cursor,
  })
  return summaryPage(deps, user, page)
}
