/**
 * Who may see and handle a post or a claim, through the one rule (modules/places/can.ts): a grid-only
 * post is its grid's residents' and its staff's; a street-wide post is also every resident's of the
 * street; claims and clues are the parties' and the staff's. Out of scope answers NOT_FOUND.
 */
import {
  LostClaimDocSchema,
  LostPostDocSchema,
  type LostClaimDoc,
  type LostPostDoc,
  type Role,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { notFound } from '../../errors'
import { holds, mayAct } from '../places/can'
import { loadGrid } from '../places/load'
import { scoped, type ScopedPlace } from '../places/place'

/** Staff who handle lost and found in their scope: the grid's workers and its community's and street's admins. */
export const LOST_STAFF: readonly Role[] = ['grid_worker', 'community_admin', 'street_admin']

/** The street the viewer lives in (home grid), where street-wide posts reach them. */
export async function homeStreet(deps: Deps, user: UserDoc): Promise<string | null> {
  return user.homeGridId ? (await loadGrid(deps, user.homeGridId)).streetId : null
}

const tree = (p: { streetId: string; communityId: string | null; gridId: string | null }) => ({
  streetId: p.streetId,
  communityId: p.communityId,
  gridId: p.gridId,
})

/** A post's place; `street` is the viewer's home street (a street-wide post reaches its residents). */
export function postPlace(post: LostPostDoc, viewer?: { user: UserDoc; street: string | null }): ScopedPlace {
  const reaches = viewer && post.wide && viewer.street === post.streetId ? [viewer.user._id] : []
  return scoped('lostpost', post._id, tree(post), {
    partyIds: [post.ownerId, ...reaches],
    membersOfGrid: true,
    hidden: true,
  })
}

/** A claim's place: the claimant and the poster, and the staff of the post's grid. */
export const claimPlace = (claim: LostClaimDoc): ScopedPlace =>
  scoped('lostclaim', claim._id, tree(claim), { partyIds: [claim.claimantId, claim.posterId], hidden: true })

export const isLostStaff = (user: UserDoc, post: LostPostDoc) =>
  holds(user, LOST_STAFF, scoped('lostpost', post._id, tree(post)))

export async function loadPost(deps: Deps, id: string): Promise<LostPostDoc> {
  const raw = await deps.store.get('lostposts', id)
  if (!raw) throw notFound('该启事不存在或已删除')
  return LostPostDocSchema.parse(raw)
}

export async function loadClaim(deps: Deps, id: string): Promise<LostClaimDoc> {
  const raw = await deps.store.get('lostclaims', id)
  if (!raw) throw notFound('该认领不存在')
  return LostClaimDocSchema.parse(raw)
}

/** Whether the viewer may read the post at all. */
export async function canSeePost(deps: Deps, user: UserDoc, post: LostPostDoc): Promise<boolean> {
  return mayAct(user, 'any', postPlace(post, { user, street: await homeStreet(deps, user) }))
}
