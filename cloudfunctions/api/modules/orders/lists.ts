/** The order lists staff work from (待办, 督办), each queried from the caller's scope and checked by the one rule. */
import {
  OPEN_STATES,
  ORDER_SOURCES,
  type ActionParsedInput,
  type InboxQueue,
  type OrderDoc,
  type Role,
  type UserDoc,
} from '../../../../types'
import { callerStreets, findAll, loadGrid } from '../places/load'
import { categoriesOf } from './repo'
import type { Deps } from '../../context'
import type { Page, Where } from '../../store/port'
import { adminScopeWhere, grantsOf, visibleTo } from '../places/can'
import { placeOfOrder } from './access'
import { parseShared } from '../../parse-shared'
import { ListedOrderSchema, presentSummaries, type ListedOrder } from './present'

const PAGE = 20
const ids = (values: (string | undefined)[]) => values.flatMap((v) => (v ? [v] : []))

export function summaries(deps: Deps, viewer: UserDoc, docs: ListedOrder[]) {
  return presentSummaries(deps, visibleTo(viewer, 'any', docs, placeOfOrder), viewer)
}

/** A page of orders as summaries for this viewer, keeping only what they may see. */
export async function summaryPage(deps: Deps, viewer: UserDoc, page: Page) {
  return {
    items: await summaries(
      deps,
      viewer,
      page.items.map((raw) => parseShared(ListedOrderSchema, raw)),
    ),
    nextCursor: page.nextCursor,
  }
}

type InboxInput = ActionParsedInput<'orders.inbox'>

/** The queues this person works from, in the order a page offers them. */
export function queuesOf(user: UserDoc): InboxQueue[] {
  const has = (role: Role) => grantsOf(user, role).length > 0
  const queues: InboxQueue[] = []
  if (has('grid_worker')) queues.push('grid', 'transferred')
  if (has('department')) queues.push('department')
  if (has('community_admin')) queues.push('community')
  if (has('street_admin')) queues.push('street')
  return queues
}

export const OPEN_WORK: OrderDoc['state'][] = ['dispatched', 'accepted', 'in_progress']

/** Who holds the order in each queue; a department holds what was transferred to it, so its grid's queue leaves it out. */
export async function holderWhere(deps: Deps, user: UserDoc, queue: InboxQueue): Promise<Where> {
  const gridIds = grantsOf(user, 'grid_worker').flatMap((g) => g.gridIds ?? [])
  switch (queue) {
    case 'grid':
      return { gridId: { in: gridIds }, departmentId: null }
    case 'transferred': {
      const streets = [...new Set((await Promise.all(gridIds.map((id) => loadGrid(deps, id)))).map((g) => g.streetId))]
      const departments = (
        await Promise.all(
          streets.map((s) =>
            findAll(deps, 'departments', { where: { streetId: s }, orderBy: { field: 'name', direction: 'asc' } }),
          ),
        )
      ).flat()
      return { gridId: { in: gridIds }, departmentId: { in: departments.map((d) => d._id) } }
    }
    case 'department':
      return { departmentId: { in: ids(grantsOf(user, 'department').map((g) => g.departmentId)) } }
    case 'community':
      return { communityId: { in: ids(grantsOf(user, 'community_admin').map((g) => g.communityId)) } }
    case 'street':
      return {
        streetId: { in: ids(grantsOf(user, 'street_admin').map((g) => g.streetId)) },
        gridId: null,
        departmentId: null,
      }
  }
}

/** Category and source filters as one indexed field: `<categoryId>|<source>`, every combination the filters allow. */
async function filterKeys(deps: Deps, user: UserDoc, input: InboxInput): Promise<string[] | null> {
  if (!input.categoryId && !input.source) return null
  const sources = input.source ? [input.source] : [...ORDER_SOURCES]
  const categories = input.categoryId
    ? [input.categoryId]
    : (await Promise.all((await callerStreets(deps, user)).map((s) => categoriesOf(deps, s)))).flat().map((c) => c._id)
  return categories.flatMap((c) => sources.map((src) => `${c}|${src}`))
}

/** 待办 of one queue: holder, state, category, source and overdue are all part of the query, sorted by deadline. */
export async function inboxPage(deps: Deps, user: UserDoc, input: InboxInput) {
  const queues = queuesOf(user)
  const queue = input.queue && queues.includes(input.queue) ? input.queue : queues[0]
  if (!queue) return { items: [], nextCursor: null, queue: null, queues, total: input.withTotal ? 0 : null }
  const states =
    input.state === 'working'
      ? ['accepted', 'in_progress']
      : input.state
        ? [input.state]
        : queue === 'street'
          ? ['submitted']
          : OPEN_WORK
  const keys = await filterKeys(deps, user, input)
  const where: Where = {
    ...(await holderWhere(deps, user, queue)),
    state: { in: states },
    ...(keys ? { filterKey: { in: keys } } : {}),
    ...(input.overdue ? { dueAt: { lt: deps.clock.now() } } : {}),
  }
  const orderBy = { field: 'dueAt', direction: 'asc' as const }
  const [page, total] = await Promise.all([
    deps.store.find('orders', { where, orderBy, limit: PAGE, cursor: input.cursor ?? null }),
    input.withTotal && !input.cursor ? deps.store.count('orders', where) : null,
  ])
  return { ...(await summaryPage(deps, user, page)), queue, queues, total }
}

/** 督办: supervised open orders of the admin's street, or of their community. */
export async function overduePage(deps: Deps, user: UserDoc, cursor: string | null) {
  const where: Where = { ...adminScopeWhere(user), supervised: true, state: { in: [...OPEN_STATES] } }
  const page = await deps.store.find('orders', {
    where,
    orderBy: { field: 'dueAt', direction: 'asc' },
    limit: PAGE,
    cursor,
  })
  return summaryPage(deps, user, page)
}
