/**
 * What leaves the function about a post or a claim, per viewer. The poster reads it as typed; everyone
 * else, staff included (as on orders), reads the public form, numbers masked when it was stored. A found
 * 证件's photos are the finder's and the staff's only. Claim answers reach the parties and staff in scope;
 * a hand-over code reaches its claimant only.
 */
import {
  LostClaimDocSchema,
  LostReturnDocSchema,
  maskSensitiveText,
  type ClaimView,
  type LostClaimDoc,
  type LostPostDetail,
  type LostPostDoc,
  type LostPostSummary,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { loadUsers } from '../places/load'
import { cachedRead } from '../../read-cache'
import { canSeePost, isLostStaff, loadPost } from './access'
import { claimEvents, postEvents } from './rules'
import { matchesOf } from './match'

/** Grid names for one call, each read once (and reused across calls by the read cache). */
export function nameCache(deps: Deps) {
  const seen = new Map<string, Promise<string | null>>()
  return (collection: 'grids', id: string | null): Promise<string | null> => {
    if (!id) return Promise.resolve(null)
    let hit = seen.get(id)
    if (!hit) {
      hit = cachedRead(deps, `name:${collection}/${id}`, [collection], async () => {
        const doc = await deps.store.get(collection, id)
        return doc && typeof doc.name === 'string' ? doc.name : null
      })
      seen.set(id, hit)
    }
    return hit
  }
}

type Names = ReturnType<typeof nameCache>

/** Whether the viewer reads the post as typed: its poster only. */
const readsRaw = (viewer: UserDoc, post: LostPostDoc) => viewer._id === post.ownerId

/** A found 证件's photo shows whose card it is: only its finder and staff see it. */
const seesPhotos = (viewer: UserDoc, post: LostPostDoc) =>
  !(post.kind === 'found' && post.category === 'id_card') || readsRaw(viewer, post) || isLostStaff(viewer, post)

export async function presentPost(
  deps: Deps,
  post: LostPostDoc,
  viewer: UserDoc,
  names: Names,
): Promise<LostPostSummary> {
  const raw = readsRaw(viewer, post)
  const photo = seesPhotos(viewer, post) ? post.photos[0] : undefined
  const [gridName, photoUrl] = await Promise.all([
    names('grids', post.gridId),
    photo ? deps.files.url(photo) : Promise.resolve(null),
  ])
  return {
    id: post._id,
    kind: post.kind,
    category: post.category,
    title: raw ? post.title : post.publicTitle,
    text: raw ? post.text : post.publicText,
    place: post.place,
    happenedAt: post.happenedAt,
    photoUrl,
    gridName,
    wide: post.wide,
    state: post.state,
    posterLabel: post.posterLabel,
    createdAt: post.createdAt,
  }
}

const personName = (u: UserDoc | undefined) => (u ? (u.realName ?? u.nickname) : '已注销用户')

export async function presentClaim(
  deps: Deps,
  claim: LostClaimDoc,
  viewer: UserDoc,
  post?: LostPostDoc,
): Promise<ClaimView> {
  const of = post ?? (await loadPost(deps, claim.postId))
  const isClaimant = claim.claimantId === viewer._id
  const isKeeper = claim.posterId === viewer._id || isLostStaff(viewer, of)
  const [claimant] = isKeeper && !isClaimant ? await loadUsers(deps, [claim.claimantId]) : []
  return {
    id: claim._id,
    postId: claim.postId,
    postTitle: readsRaw(viewer, of) ? of.title : of.publicTitle,
    postKind: of.kind,
    kind: claim.kind,
    claimantName: isClaimant ? '我' : personName(claimant),
    isMine: isClaimant,
    text: claim.text,
    state: claim.state,
    decisionNote: claim.decisionNote,
    code: isClaimant && claim.state === 'accepted' ? claim.code : null,
    lockedUntil: claim.lockedUntil !== null && claim.lockedUntil > deps.clock.now() ? claim.lockedUntil : null,
    can: claimEvents(claim, { isClaimant, isKeeper }, deps.clock.now()),
    handedOverAt: claim.handedOverAt,
    createdAt: claim.createdAt,
  }
}

/** The post's claims and clues: all of them for its poster and staff, the viewer's own for anyone else. */
export async function claimsOf(deps: Deps, post: LostPostDoc): Promise<LostClaimDoc[]> {
  const page = await deps.store.find('lostclaims', {
    where: { postId: post._id },
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: 100,
  })
  return page.items.map((raw) => LostClaimDocSchema.parse(raw))
}

async function handoverOf(deps: Deps, post: LostPostDoc, viewer: UserDoc, claims: LostClaimDoc[]) {
  if (post.state !== 'returned') return null
  const raw = await deps.store.get('lostreturns', `ret_${post._id}`)
  if (!raw) return null
  const ret = LostReturnDocSchema.parse(raw)
  const party = [ret.finderId, ret.ownerId].includes(viewer._id) || isLostStaff(viewer, post)
  if (!party && !claims.some((c) => c.claimantId === viewer._id)) return null
  const [finder, owner] = await Promise.all([loadUsers(deps, [ret.finderId]), loadUsers(deps, [ret.ownerId])])
  return {
    finderName: personName(finder[0]),
    ownerName: personName(owner[0]),
    at: ret.at,
    pointsAwarded: ret.pointsAwarded,
  }
}

/** Matches the viewer may see: a grid-only post of another grid stays unseen. */
async function visibleMatches(deps: Deps, post: LostPostDoc, viewer: UserDoc): Promise<LostPostDoc[]> {
  const found = await matchesOf(deps, post)
  const seen = await Promise.all(found.map((m) => canSeePost(deps, viewer, m)))
  return found.filter((_, i) => seen[i])
}

export async function presentDetail(deps: Deps, post: LostPostDoc, viewer: UserDoc): Promise<LostPostDetail> {
  const names = nameCache(deps)
  const isOwner = post.ownerId === viewer._id
  const isStaff = isLostStaff(viewer, post)
  const keeper = isOwner || isStaff
  const all = await claimsOf(deps, post)
  const visible = keeper ? all : all.filter((c) => c.claimantId === viewer._id)
  const claiming = all.some((c) => c.claimantId === viewer._id && (c.state === 'pending' || c.state === 'accepted'))
  const photos = seesPhotos(viewer, post) ? post.photos : []
  const [summary, photoUrls, claims, matches, handover] = await Promise.all([
    presentPost(deps, post, viewer, names),
    Promise.all(photos.map((p) => deps.files.url(p))),
    Promise.all(visible.map((c) => presentClaim(deps, c, viewer, post))),
    keeper && post.state === 'open' ? visibleMatches(deps, post, viewer) : Promise.resolve([]),
    handoverOf(deps, post, viewer, all),
  ])
  return {
    ...summary,
    photoUrls: photoUrls.flatMap((u) => (u ? [u] : [])),
    question: isOwner ? post.question : maskSensitiveText(post.question),
    location: post.location,
    gridId: post.gridId,
    isOwner,
    isStaff,
    closeReason: post.closeReason,
    expiresAt: post.expiresAt,
    returnedAt: post.returnedAt,
    claims,
    matches: await Promise.all(matches.map((m) => presentPost(deps, m, viewer, names))),
    handover,
    can: postEvents(post, { isOwner, isStaff, claiming }),
  }
}
