/** A grid's 首页 as a viewer sees it. */
import { maskPhone, type GridDoc, type GridHome, type UserDoc } from '../../../../types'
import type { Deps } from '../../context'
import { loadCommunity, loadDepartment, loadStreet, loadUsers } from '../places/load'
import { holds } from '../places/can'
import { gridPlace } from '../places/place'
import { memberCount } from './repo'

export const personCard = (u: UserDoc) => ({
  id: u._id,
  nickname: u.realName ?? u.nickname,
  phoneMasked: maskPhone(u.phone),
})

/** A grid's 首页 as `viewer` may see it: contacts masked, management flags per scope. */
export async function presentGridHome(deps: Deps, grid: GridDoc, viewer: UserDoc): Promise<GridHome> {
  const [community, street, workers, heads, count, departments] = await Promise.all([
    loadCommunity(deps, grid.communityId),
    loadStreet(deps, grid.streetId),
    loadUsers(deps, grid.workerIds),
    loadUsers(deps, grid.buildingHeadIds),
    memberCount(deps, grid._id),
    Promise.all(grid.departmentIds.map((id) => loadDepartment(deps, id).catch(() => null))),
  ])
  return {
    id: grid._id,
    name: grid.name,
    code: grid.code,
    communityName: community.name,
    streetName: street.name,
    archived: grid.archived,
    notes: grid.notes,
    polygon: grid.polygon,
    workers: workers.map(personCard),
    buildingHeads: heads.map(personCard),
    departments: departments.flatMap((d) =>
      d ? [{ id: d._id, name: d.name, field: d.field, phoneMasked: maskPhone(d.contactPhone) }] : [],
    ),
    memberCount: count,
    isMember: viewer.homeGridId === grid._id,
    canManage: holds(viewer, ['grid_worker', 'community_admin', 'street_admin'], gridPlace(grid)),
    wxGroupBound: grid.wxGroupKey !== null,
  }
}
