/** Who the caller is to an order: reporter, handler (staff in scope), supervisor (admin in scope). */
import type { OrderDoc, RoleGrant, UserDoc } from '../../../../types'
import type { Actor, ActorKind } from './transition'

const has = (user: UserDoc, pred: (g: RoleGrant) => boolean) => user.roles.some(pred)

export function isSupervisor(user: UserDoc, order: Pick<OrderDoc, 'streetId' | 'communityId'>): boolean {
  return (
    has(user, (g) => g.role === 'street_admin' && g.streetId === order.streetId) ||
    (order.communityId !== null &&
      has(user, (g) => g.role === 'community_admin' && g.communityId === order.communityId))
  )
}

/** Handlers: the department it was transferred to (and joint departments), else the grid's workers. */
export function isHandler(
  user: UserDoc,
  order: Pick<OrderDoc, 'gridId' | 'departmentId' | 'jointDepartmentIds'>,
): boolean {
  const inDepartment = (id: string | null) =>
    id !== null && has(user, (g) => g.role === 'department' && g.departmentId === id)
  if (order.departmentId) return inDepartment(order.departmentId) || order.jointDepartmentIds.some(inDepartment)
  return (
    (order.gridId !== null &&
      has(user, (g) => g.role === 'grid_worker' && (g.gridIds ?? []).includes(order.gridId ?? ''))) ||
    order.jointDepartmentIds.some(inDepartment)
  )
}

export function actorFor(user: UserDoc, order: OrderDoc): Actor {
  const kinds = new Set<ActorKind>()
  if (order.reporterId === user._id) kinds.add('reporter')
  if (isHandler(user, order)) kinds.add('handler')
  if (isSupervisor(user, order)) kinds.add('supervisor')
  return { id: user._id, kinds }
}

/** Staff who once handled it (the grid's workers after a transfer) keep read access to its history. */
export function canView(user: UserDoc, order: OrderDoc): boolean {
  const actor = actorFor(user, order)
  if (actor.kinds.size > 0 || order.followerIds.includes(user._id)) return true
  return (
    order.gridId !== null &&
    has(user, (g) => g.role === 'grid_worker' && (g.gridIds ?? []).includes(order.gridId ?? ''))
  )
}

export function isStaffViewer(user: UserDoc, order: OrderDoc): boolean {
  const actor = actorFor(user, order)
  return (
    actor.kinds.has('handler') ||
    actor.kinds.has('supervisor') ||
    (order.gridId !== null &&
      has(user, (g) => g.role === 'grid_worker' && (g.gridIds ?? []).includes(order.gridId ?? '')))
  )
}

export function actorLabel(user: UserDoc, order: OrderDoc): string {
  const name = user.realName ?? user.nickname
  if (order.reporterId === user._id) return '上报人'
  if (isSupervisor(user, order)) return `${has(user, (g) => g.role === 'street_admin') ? '街道' : '社区'}管理员 ${name}`
  if (has(user, (g) => g.role === 'department')) return `部门 ${name}`
  if (has(user, (g) => g.role === 'grid_worker')) return `网格员 ${name}`
  return '居民'
}
