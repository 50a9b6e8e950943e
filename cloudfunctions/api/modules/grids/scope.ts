/** Who may do what where: pure checks on a user's role grants against a grid's place in the tree. */
import type { GridDoc, RoleGrant, UserDoc } from '../../../../types'
import { forbidden } from '../../errors'

type Place = Pick<GridDoc, '_id' | 'communityId' | 'streetId'>

const grants = (user: UserDoc, role: RoleGrant['role']) => user.roles.filter((g) => g.role === role)

export function isStreetAdmin(user: UserDoc, streetId: string): boolean {
  return grants(user, 'street_admin').some((g) => g.streetId === streetId)
}

export function isCommunityAdmin(user: UserDoc, communityId: string): boolean {
  return grants(user, 'community_admin').some((g) => g.communityId === communityId)
}

export function isGridWorker(user: UserDoc, gridId: string): boolean {
  return grants(user, 'grid_worker').some((g) => g.gridIds?.includes(gridId))
}

/** Structure of the tree (create, edit, archive, departments, invites): street or community admin. */
export function canAdministerGrid(user: UserDoc, grid: Place): boolean {
  return isStreetAdmin(user, grid.streetId) || isCommunityAdmin(user, grid.communityId)
}

/** Day-to-day care (join code, poster, members, offline residents, building heads): plus its workers. */
export function canManageGrid(user: UserDoc, grid: Place): boolean {
  return canAdministerGrid(user, grid) || isGridWorker(user, grid._id)
}

export function assertCanManage(user: UserDoc, grid: Place): void {
  if (!canManageGrid(user, grid)) throw forbidden('您不是该网格的工作人员，无权操作')
}

export function assertCanAdminister(user: UserDoc, grid: Place): void {
  if (!canAdministerGrid(user, grid)) throw forbidden('只有该网格所属社区或街道的管理员可以操作')
}
