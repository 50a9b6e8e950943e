/**
 * The one rule of scope: may this grant act on this place? Every module asks here, through the
 * dispatcher before a handler runs and through `visibleTo` for every item a list returns.
 */
import type { Role, RoleGrant, UserDoc } from '../../../../types'
import type { Place, ScopedPlace } from './place'

/** Who outranks whom when granting, revoking or revealing grants. Residents and riders hold no place. */
export const RANK: Record<Role, number> = {
  resident: 0,
  rider: 0,
  building_head: 1,
  grid_worker: 2,
  department: 2,
  community_admin: 3,
  street_admin: 4,
  counter_staff: 1,
}

/** A grant never issues, revokes or reveals a grant above or beside itself; a street admin manages its peers. */
export function outranks(holder: Role, target: Role): boolean {
  return RANK[holder] > RANK[target] || (holder === 'street_admin' && target === 'street_admin')
}

function contains(grant: RoleGrant, place: ScopedPlace): boolean {
  switch (grant.role) {
    case 'street_admin':
      return grant.streetId !== undefined && grant.streetId === place.streetId
    case 'community_admin':
      return grant.communityId !== undefined && grant.communityId === place.communityId
    case 'grid_worker':
    case 'building_head':
      return place.gridId !== null && (grant.gridIds ?? []).includes(place.gridId)
    case 'department':
      return grant.departmentId !== undefined && place.departmentIds.includes(grant.departmentId)
    case 'counter_staff':
      return grant.exchangePointId !== undefined && place.exchangePointId === grant.exchangePointId
    default:
      return false
  }
}

/** May this grant act on this place: the place lies in the grant's scope, and any grant it carries ranks below. */
export function can(grant: RoleGrant, place: ScopedPlace): boolean {
  if (!contains(grant, place)) return false
  return place.grantsRole === undefined || outranks(grant.role, place.grantsRole)
}

export type Roles = 'any' | readonly Role[]

const roleFits = (roles: Roles, role: Role) => roles === 'any' || roles.includes(role)

function isParty(user: UserDoc, place: ScopedPlace): boolean {
  if (place.partyIds?.includes(user._id)) return true
  return place.membersOfGrid === true && place.gridId !== null && user.homeGridId === place.gridId
}

/** Whether `user`, acting with one of `roles`, may act on `place` (all of them, when several). */
export function mayAct(user: UserDoc, roles: Roles, place: Place | readonly Place[]): boolean {
  const places: readonly Place[] = Array.isArray(place) ? place : [place as Place]
  if (!user.roles.some((g) => roleFits(roles, g.role))) return false
  return places.every((p) => {
    if (p.kind === 'self' || p.kind === 'open') return true
    if (roles === 'any' && isParty(user, p)) return true
    const needed = p.roles ?? roles
    return user.roles.some((g) => roleFits(needed, g.role) && can(g, p))
  })
}

/** The same rule for lists: keep only the items whose place the caller may see with these roles. */
export function visibleTo<T>(user: UserDoc, roles: Roles, items: readonly T[], placeOf: (item: T) => Place): T[] {
  return items.filter((item) => mayAct(user, roles, placeOf(item)))
}

/** The grants of `user` with one of `roles`, e.g. to build a list's query from the caller's scope. */
export function grantsOf(user: UserDoc, ...roles: Role[]): RoleGrant[] {
  return user.roles.filter((g) => roles.includes(g.role))
}

/** Whether any grant of `user` with one of `roles` contains `place` (e.g. "is a supervisor of this order"). */
export function holds(user: UserDoc, roles: readonly Role[], place: ScopedPlace): boolean {
  return user.roles.some((g) => roles.includes(g.role) && can(g, place))
}

/**
 * The part of a query that holds an admin's scope: their streets, or else their communities. Lists of
 * invites, audit entries and 督办 start from it, then check each item with `visibleTo`.
 */
export function adminScopeWhere(user: UserDoc): Record<string, { in: string[] }> {
  const streets = grantsOf(user, 'street_admin').flatMap((g) => (g.streetId ? [g.streetId] : []))
  if (streets.length) return { streetId: { in: streets } }
  return {
    communityId: { in: grantsOf(user, 'community_admin').flatMap((g) => (g.communityId ? [g.communityId] : [])) },
  }
}
