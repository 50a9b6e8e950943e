/** Who the caller is to an order: reporter, handler (staff in scope), supervisor (admin in scope), follower. */
import type { OrderDoc, Role, UserDoc } from '../../../../types'
import { holds, mayAct } from '../places/can'
import { orderPlace, type OrderTree, type ScopedPlace } from '../places/place'
import type { Actor, ActorKind } from './transition'

/** Staff who may see orders whose place they hold; building heads, riders and residents see only their own. */
export const ORDER_STAFF: readonly Role[] = ['grid_worker', 'department', 'community_admin', 'street_admin']
const SUPERVISORS: readonly Role[] = ['community_admin', 'street_admin']

/** The order as a place: private (NOT_FOUND outside scope), open to its reporter, followers and order staff. */
export function placeOfOrder(order: OrderTree): ScopedPlace {
  const place = orderPlace(order)
  place.roles = ORDER_STAFF
  place.refusal = '工单不存在'
  return place
}

export const isSupervisor = (user: UserDoc, order: OrderDoc) => holds(user, SUPERVISORS, orderPlace(order))

/** Handlers: the department it was transferred to (and joint departments), else the grid's workers. */
export function isHandler(user: UserDoc, order: OrderDoc): boolean {
  return holds(user, order.departmentId ? ['department'] : ['grid_worker', 'department'], orderPlace(order))
}

export function actorFor(user: UserDoc, order: OrderDoc): Actor {
  const kinds = new Set<ActorKind>()
  if (order.reporterId === user._id) kinds.add('reporter')
  if (isHandler(user, order)) kinds.add('handler')
  if (isSupervisor(user, order)) kinds.add('supervisor')
  return { id: user._id, kinds }
}

export const canView = (user: UserDoc, order: OrderDoc) => mayAct(user, 'any', placeOfOrder(order))

/** Staff in scope (the grid's workers keep sight after a transfer): they see staff notes and may reveal numbers. */
export const isStaffViewer = (user: UserDoc, order: OrderTree) => holds(user, ORDER_STAFF, orderPlace(order))

export function actorLabel(user: UserDoc, order: OrderDoc): string {
  const name = user.realName ?? user.nickname
  if (order.reporterId === user._id) return '上报人'
  if (isSupervisor(user, order))
    return `${user.roles.some((g) => g.role === 'street_admin') ? '街道' : '社区'}管理员 ${name}`
  if (user.roles.some((g) => g.role === 'department')) return `部门 ${name}`
  if (user.roles.some((g) => g.role === 'grid_worker')) return `网格员 ${name}`
  return '居民'
}
