/**
 * A place is where an action acts: a point of the street → community → grid tree (plus departments
 * present there), carried with all its parents so one rule can answer for every module.
 */
import type { Role } from '../../../../types'

/** Something in the tree, with its parents. `id` names the thing itself (a grid, an order, an invite...). */
export interface ScopedPlace {
  kind:
    | 'street'
    | 'community'
    | 'grid'
    | 'department'
    | 'order'
    | 'invite'
    | 'grant'
    | 'message'
    | 'lostpost'
    | 'lostclaim'
    | 'exchange'
    | 'activity'
    | 'account'
    | 'feedpost'
    | 'question'
  id: string
  streetId: string | null
  communityId: string | null
  gridId: string | null
  /** Departments present here: those that entered a grid, the department an order was transferred to. */
  departmentIds: readonly string[]
  /** People with a personal stake, who may act with roles 'any': an order's reporter and followers. */
  partyIds?: readonly string[]
  /** A 兑换点 here (an exchange point or what is collected at one): its counter staff act on it. */
  exchangePointId?: string | null
  /** The grid's residents (home grid) count as parties too. */
  membersOfGrid?: boolean
  /** A role granted or revealed here (invites, revokes): the caller's grant must outrank it. */
  grantsRole?: Role
  /** The roles acting here needs when narrower than the action's (filing a 巡查 needs a grid worker). */
  roles?: readonly Role[]
  /** Out of scope answers NOT_FOUND, not FORBIDDEN, so the thing's existence does not leak. */
  hidden?: boolean
  /** The sentence a caller out of scope reads. */
  refusal?: string
}

/** The caller's own things (profile, own reports) and things any signed-in user may do (join by code). */
export type Place = { kind: 'self' } | { kind: 'open' } | ScopedPlace

/** Whether a place lies in the tree (and so in some grant's scope), not the caller's own or open to all. */
export const isScoped = (p: Place): p is ScopedPlace => p.kind !== 'self' && p.kind !== 'open'

export const SELF: Place = { kind: 'self' }
export const OPEN: Place = { kind: 'open' }

type Tree = { streetId: string | null; communityId?: string | null; gridId?: string | null }

export function scoped(
  kind: ScopedPlace['kind'],
  id: string,
  tree: Tree,
  extra: Partial<ScopedPlace> = {},
): ScopedPlace {
  return {
    kind,
    id,
    streetId: tree.streetId,
    communityId: tree.communityId ?? null,
    gridId: tree.gridId ?? null,
    departmentIds: [],
    ...extra,
  }
}

export const streetPlace = (streetId: string) => scoped('street', streetId, { streetId })

export const communityPlace = (c: { _id: string; streetId: string }) =>
  scoped('community', c._id, { streetId: c.streetId, communityId: c._id })

export const gridPlace = (g: {
  _id: string
  streetId: string
  communityId: string
  departmentIds: readonly string[]
}) =>
  scoped(
    'grid',
    g._id,
    { streetId: g.streetId, communityId: g.communityId, gridId: g._id },
    { departmentIds: g.departmentIds },
  )

/** A 兑换点: its street's and community's admins and its own counter staff. */
export const exchangePlace = (e: { _id: string; streetId: string; communityId: string | null }) =>
  scoped('exchange', e._id, { streetId: e.streetId, communityId: e.communityId }, { exchangePointId: e._id })

export const departmentPlace = (d: { _id: string; streetId: string }) =>
  scoped('department', d._id, { streetId: d.streetId }, { departmentIds: [d._id] })

export interface OrderTree {
  _id: string
  streetId: string
  communityId: string | null
  gridId: string | null
  departmentId: string | null
  jointDepartmentIds: readonly string[]
  reporterId: string
  followerIds: readonly string[]
  onBehalfUserId?: string | null
}

/** An order is private: its reporter, followers and the staff whose scope holds it; others get NOT_FOUND. */
export function orderPlace(o: OrderTree): ScopedPlace {
  // Built as one literal (no spreads): every order of a list page is checked through it.
  return {
    kind: 'order',
    id: o._id,
    streetId: o.streetId,
    communityId: o.communityId ?? null,
    gridId: o.gridId ?? null,
    departmentIds: o.departmentId ? [o.departmentId, ...o.jointDepartmentIds] : o.jointDepartmentIds,
    partyIds: o.onBehalfUserId ? [o.reporterId, ...o.followerIds, o.onBehalfUserId] : [o.reporterId, ...o.followerIds],
    hidden: true,
  }
}

/** The tree fields of a grid, for documents that record where they belong (audit entries, orders). */
export const treeOfGrid = (g: { _id: string; streetId: string; communityId: string }) => ({
  streetId: g.streetId,
  communityId: g.communityId,
  gridId: g._id,
})
