/** Where a grant (or an invite for one) lies: the places an admin must hold, and outrank, to issue or revoke it. */
import type { InviteDoc, RoleGrant } from '../../../../types'
import type { Deps } from '../../context'
import { validation } from '../../errors'
import { loadCommunity, loadDepartment, loadExchangePoint, loadGrid } from '../places/load'
import {
  communityPlace,
  departmentPlace,
  exchangePlace,
  gridPlace,
  scoped,
  streetPlace,
  type ScopedPlace,
} from '../places/place'

/** The places a grant covers, each carrying the granted role so only a higher grant contains it. */
export async function grantPlaces(deps: Deps, grant: RoleGrant): Promise<ScopedPlace[]> {
  const carry = (p: ScopedPlace): ScopedPlace => ({ ...p, grantsRole: grant.role })
  switch (grant.role) {
    case 'grid_worker':
    case 'building_head':
      return Promise.all((grant.gridIds ?? []).map(async (id) => carry(gridPlace(await loadGrid(deps, id)))))
    case 'department':
      return [carry(departmentPlace(await loadDepartment(deps, grant.departmentId ?? '')))]
    case 'community_admin':
      return [carry(communityPlace(await loadCommunity(deps, grant.communityId ?? '')))]
    case 'street_admin':
      return [carry(streetPlace(grant.streetId ?? ''))]
    case 'counter_staff':
      return [carry(exchangePlace(await loadExchangePoint(deps, grant.exchangePointId ?? '')))]
    default:
      throw validation('该身份不能通过邀请码发放或撤销', [{ path: 'role', message: '居民和骑手身份无需授予' }])
  }
}

/** The grant an invite form describes, with a clear message for each missing scope. */
export function grantFromInput(
  input: {
    role: RoleGrant['role']
    gridIds?: string[]
    departmentId?: string
    exchangePointId?: string
    communityId?: string
    streetId?: string
  },
  adminStreet: string | undefined,
): RoleGrant {
  switch (input.role) {
    case 'grid_worker':
      if (!input.gridIds?.length)
        throw validation('请选择网格', [{ path: 'gridIds', message: '网格员邀请码必须指定网格' }])
      return { role: 'grid_worker', gridIds: [...new Set(input.gridIds)] }
    case 'department':
      if (!input.departmentId)
        throw validation('请选择部门', [{ path: 'departmentId', message: '部门邀请码必须指定部门' }])
      return { role: 'department', departmentId: input.departmentId }
    case 'counter_staff':
      if (!input.exchangePointId)
        throw validation('请选择兑换点', [{ path: 'exchangePointId', message: '兑换点工作人员邀请码必须指定兑换点' }])
      return { role: 'counter_staff', exchangePointId: input.exchangePointId }
    case 'community_admin':
      if (!input.communityId)
        throw validation('请选择社区', [{ path: 'communityId', message: '社区管理员邀请码必须指定社区' }])
      return { role: 'community_admin', communityId: input.communityId }
    default:
      // Without a street of the caller's own, the grant lies nowhere any grant contains: FORBIDDEN.
      return { role: input.role, streetId: input.streetId ?? adminStreet ?? '' }
  }
}

/** An invite is shown only to admins who outrank its role where it applies; others get NOT_FOUND. */
export function invitePlace(invite: InviteDoc): ScopedPlace {
  const tree = { streetId: invite.streetId, communityId: invite.communityId }
  return scoped('invite', invite._id, tree, { grantsRole: invite.grant.role, hidden: true, refusal: '邀请码不存在' })
}

/** The one community all of a grant's places lie in, if there is one. */
export function communityOf(places: readonly ScopedPlace[]): string | null {
  const ids = new Set(places.map((p) => p.communityId))
  const [only] = [...ids]
  return ids.size === 1 && only ? only : null
}
