import { ADMIN_ROLES, STAFF_ROLES, type RoleGrant } from '../contract'
import type { LinkItem } from '../components/link-list'

export const WORKER_HOME = '/packages/worker/pages/home/index'
export const ADMIN_HOME = '/packages/admin/pages/home/index'

/** Staff who work in grids (楼长, 网格员, 部门) get the 工作台; admins get the 管理后台. */
export function hasWorkerArea(roles: RoleGrant[]): boolean {
  return roles.some((g) => STAFF_ROLES.includes(g.role) && !ADMIN_ROLES.includes(g.role))
}

export function hasAdminArea(roles: RoleGrant[]): boolean {
  return roles.some((g) => ADMIN_ROLES.includes(g.role))
}

export const isStreetAdmin = (roles: RoleGrant[]): boolean => roles.some((g) => g.role === 'street_admin')

/** The role areas this person may open, as rows for 我的 (none for residents and riders). */
export function areaLinks(roles: RoleGrant[]): LinkItem[] {
  return [
    ...(hasWorkerArea(roles)
      ? [{ id: 'entry-worker', title: '工作台', hint: '网格事务与居民服务', url: WORKER_HOME }]
      : []),
    ...(hasAdminArea(roles)
      ? [{ id: 'entry-admin', title: '管理后台', hint: '网格、人员与督办', url: ADMIN_HOME }]
      : []),
  ]
}

/** Grid ids the person looks after as 网格员 or 楼长, without duplicates. */
export function staffGridIds(roles: RoleGrant[]): string[] {
  const ids = roles.flatMap((g) => (g.role === 'grid_worker' || g.role === 'building_head' ? (g.gridIds ?? []) : []))
  return [...new Set(ids)]
}

/** Grid ids the person looks after as 网格员 (巡查 and 代办 are filed for these). */
export function workerGridIds(roles: RoleGrant[]): string[] {
  return [...new Set(roles.flatMap((g) => (g.role === 'grid_worker' ? (g.gridIds ?? []) : [])))]
}
