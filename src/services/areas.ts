import { ADMIN_ROLES, STAFF_ROLES, type RoleGrant } from '../contract'

export const WORKER_HOME = '/packages/worker/pages/home/index'
export const ADMIN_HOME = '/packages/admin/pages/home/index'

/** Staff who work in grids (楼长, 网格员, 部门) get the 工作台; admins get the 管理后台. */
export function hasWorkerArea(roles: RoleGrant[]): boolean {
  return roles.some((g) => STAFF_ROLES.includes(g.role) && !ADMIN_ROLES.includes(g.role))
}

export function hasAdminArea(roles: RoleGrant[]): boolean {
  return roles.some((g) => ADMIN_ROLES.includes(g.role))
}

/** Grid ids the person looks after as 网格员 or 楼长, without duplicates. */
export function staffGridIds(roles: RoleGrant[]): string[] {
  const ids = roles.flatMap((g) => (g.role === 'grid_worker' || g.role === 'building_head' ? (g.gridIds ?? []) : []))
  return [...new Set(ids)]
}
