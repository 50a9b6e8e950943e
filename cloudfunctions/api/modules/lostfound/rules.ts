/**
 * The lost-and-found rules: which events a viewer may cause on a post and on a claim, what each step
 * does to the documents, and the hand-over code check with its lockout. Pure; no I/O.
 */
import {
  CODE_LOCK_MS,
  CODE_TRIES,
  POST_DAYS,
  type ClaimView,
  type LostClaimDoc,
  type LostPostDoc,
  type PostEvent,
} from '../../../../types'

const DAY = 24 * 60 * 60 * 1000

/** Who the viewer is to a post: its poster, staff whose scope holds it, and whether they already claim it. */
export interface PostViewer {
  isOwner: boolean
  isStaff: boolean
  /** The viewer has a pending or accepted claim on this post. */
  claiming: boolean
}

/** The events this viewer may cause on the post now; the page shows exactly these buttons. */
export function postEvents(post: LostPostDoc, viewer: PostViewer): PostEvent[] {
  const manager = viewer.isOwner || viewer.isStaff
  const open = post.state === 'open'
  const events: PostEvent[] = []
  if (open && post.kind === 'found' && !viewer.isOwner && !viewer.claiming) events.push('claim')
  if (open && post.kind !== 'found' && !viewer.isOwner) events.push('clue')
  if (open && manager) events.push('edit')
  if ((open || post.state === 'expired') && manager) events.push('renew')
  if (open && manager) events.push('close')
  if (open && viewer.isStaff && post.gridId) events.push('notify')
  return events
}

/** Why an event is refused, in the words the person reads; null when it is allowed. */
export function postRefusal(post: LostPostDoc, viewer: PostViewer, event: PostEvent): string | null {
  if (postEvents(post, viewer).includes(event)) return null
  if (event === 'claim' && viewer.isOwner) return '不能认领自己发布的物品'
  if (event === 'clue' && viewer.isOwner) return '不能给自己的启事提供线索'
  if (event === 'claim' && post.kind !== 'found') return '只有失物招领可以认领'
  if (event === 'claim' && viewer.claiming) return '您已提交认领，请等待核对'
  if (event === 'clue' && post.kind === 'found') return '失物招领请直接认领'
  if (post.state !== 'open' && !(event === 'renew' && post.state === 'expired')) return '该启事已结束'
  return '只有发布人或网格员可以操作'
}

export const expiryOf = (post: Pick<LostPostDoc, 'kind'>, from: number) => from + POST_DAYS[post.kind] * DAY

/** Renewing: an open post runs again from now; an expired one opens again. */
export const renewed = (post: LostPostDoc, now: number): LostPostDoc => ({
  ...post,
  state: 'open',
  expiresAt: expiryOf(post, now),
  updatedAt: now,
})

export const closed = (post: LostPostDoc, reason: string, now: number): LostPostDoc => ({
  ...post,
  state: 'closed',
  closeReason: reason,
  updatedAt: now,
})

export const expired = (post: LostPostDoc, now: number): LostPostDoc => ({ ...post, state: 'expired', updatedAt: now })

export const returned = (post: LostPostDoc, claimId: string, now: number): LostPostDoc => ({
  ...post,
  state: 'returned',
  returnedBy: claimId,
  returnedAt: now,
  updatedAt: now,
})

/** Who the viewer is to a claim. */
export interface ClaimViewer {
  isClaimant: boolean
  /** The post's poster or staff whose scope holds it: they decide and take the code. */
  isKeeper: boolean
}

export const isLocked = (claim: LostClaimDoc, now: number) => claim.lockedUntil !== null && claim.lockedUntil > now

export function claimEvents(claim: LostClaimDoc, viewer: ClaimViewer, now: number): ClaimView['can'] {
  const can: ClaimView['can'] = []
  if (claim.kind !== 'claim') return can
  if (viewer.isKeeper && claim.state === 'pending') can.push('accept', 'decline')
  if (viewer.isKeeper && claim.state === 'accepted' && !isLocked(claim, now)) can.push('handover')
  if (viewer.isClaimant && (claim.state === 'pending' || claim.state === 'accepted')) can.push('withdraw')
  return can
}

export type CodeCheck =
  { ok: true } | { ok: false; claim: LostClaimDoc; locked: boolean; triesLeft: number; lockedUntil: number | null }

/**
 * Checks a typed hand-over code. A wrong one is counted; the fifth wrong code within an hour locks the
 * claim for an hour, and while it is locked even the right code is refused.
 */
export function checkCode(claim: LostClaimDoc, code: string, now: number): CodeCheck {
  if (isLocked(claim, now)) return { ok: false, claim, locked: true, triesLeft: 0, lockedUntil: claim.lockedUntil }
  if (claim.code !== null && code === claim.code) return { ok: true }
  const wrong = [...claim.wrongCodes.filter((t) => t > now - CODE_LOCK_MS), now]
  const locks = wrong.length >= CODE_TRIES
  const lockedUntil = locks ? now + CODE_LOCK_MS : null
  const next: LostClaimDoc = { ...claim, wrongCodes: locks ? [] : wrong, lockedUntil, updatedAt: now }
  return { ok: false, claim: next, locked: locks, triesLeft: Math.max(0, CODE_TRIES - wrong.length), lockedUntil }
}
