/**
 * Claims and clues: a claimant answers the finder's question; the finder or grid staff accept (a one-time
 * code is issued) or decline; the code typed at hand-over returns the item, closes the claimant's own
 * 寻物启事, records the return for the finder's points, and declines every other claim on the item.
 */
import crypto from 'node:crypto'
import {
  CODE_TRIES,
  LostClaimDocSchema,
  LostPostDocSchema,
  LostReturnDocSchema,
  type LostClaimDoc,
  type LostPostDoc,
  type LostReturnDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, conflict, forbidden, validation } from '../../errors'
import { idFromRequest } from '../../codes'
import { StoreConflictError } from '../../store/port'
import { backoff } from '../../store/update'
import { loadUsers } from '../places/load'
import { audit } from '../audit/log'
import { isLostStaff, loadClaim, loadPost } from './access'
import { replacePost } from './repo'
import { checkCode, postRefusal, returned, type CodeCheck } from './rules'
import { claimsOf } from './present'
import { fits } from './match'
import { awardReturn } from '../credit/awards'

const detailLink = (postId: string) => `/packages/lostfound/pages/detail/index?id=${postId}`

async function tell(deps: Deps, userId: string, title: string, body: string, postId: string): Promise<void> {
  const [user] = await loadUsers(deps, [userId])
  if (user) await deps.notify.send({ userId, openId: user.openId, title, body, link: detailLink(postId) })
}

const isKeeper = (user: UserDoc, post: LostPostDoc) => user._id === post.ownerId || isLostStaff(user, post)

function draft(post: LostPostDoc, user: UserDoc, id: string, kind: LostClaimDoc['kind'], text: string, now: number) {
  const claim: LostClaimDoc = {
    _id: id,
    postId: post._id,
    kind,
    streetId: post.streetId,
    communityId: post.communityId,
    gridId: post.gridId,
    posterId: post.ownerId,
    claimantId: user._id,
    text,
    lostPostId: null,
    state: kind === 'claim' ? 'pending' : 'sent',
    decidedBy: null,
    decidedAt: null,
    decisionNote: '',
    code: null,
    wrongCodes: [],
    lockedUntil: null,
    handedOverBy: null,
    handedOverAt: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  return claim
}

/** Inserts a claim; one with the same id (a retry, or the same person twice at once) answers the first. */
async function insertClaim(deps: Deps, claim: LostClaimDoc): Promise<{ claim: LostClaimDoc; fresh: boolean }> {
  try {
    await deps.store.insert('lostclaims', claim)
    return { claim, fresh: true }
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err
    const raw = await deps.store.get('lostclaims', claim._id)
    if (!raw) throw err
    return { claim: LostClaimDocSchema.parse(raw), fresh: false }
  }
}

async function ownLostPost(deps: Deps, user: UserDoc, found: LostPostDoc, id: string | undefined) {
  if (!id) return null
  const raw = await deps.store.get('lostposts', id)
  const lost = raw ? LostPostDocSchema.parse(raw) : null
  if (!lost || lost.ownerId !== user._id || lost.kind !== 'lost' || lost.state !== 'open')
    throw validation('请选择自己发布中的寻物启事', [{ path: 'lostPostId', message: '只能关联自己的寻物启事' }])
  if (lost.streetId !== found.streetId)
    throw validation('寻物启事不在同一街道', [{ path: 'lostPostId', message: '请重新选择' }])
  return lost._id
}

/**
 * 认领. One live claim per person and item: its id is derived from (post, person, how many of their claims
 * on it have ended), so two submits at once write one claim, and a declined claimant may try again.
 */
export async function claim(
  deps: Deps,
  user: UserDoc,
  input: { postId: string; answer: string; lostPostId?: string },
): Promise<LostClaimDoc> {
  const post = await loadPost(deps, input.postId)
  const mine = (await claimsOf(deps, post)).filter((c) => c.claimantId === user._id && c.kind === 'claim')
  const live = mine.find((c) => c.state === 'pending' || c.state === 'accepted')
  if (live) return live
  const refusal = postRefusal(
    post,
    { isOwner: post.ownerId === user._id, isStaff: isLostStaff(user, post), claiming: false },
    'claim',
  )
  if (refusal)
    throw post.state === 'open' ? validation(refusal, [{ path: 'postId', message: refusal }]) : conflict(refusal)
  const lostPostId = await ownLostPost(deps, user, post, input.lostPostId)
  const id = idFromRequest('lc', post._id, user._id, String(mine.length))
  const { claim: written, fresh } = await insertClaim(deps, {
    ...draft(post, user, id, 'claim', input.answer, deps.clock.now()),
    lostPostId,
  })
  if (fresh)
    await tell(deps, post.ownerId, '有人认领您发布的物品', `「${post.title}」收到一条认领，请核对回答。`, post._id)
  return written
}

/** 我有线索: a private message to the poster of a lost item or a person search. */
export async function clue(
  deps: Deps,
  user: UserDoc,
  requestId: string | null,
  input: { postId: string; text: string },
): Promise<LostClaimDoc> {
  const post = await loadPost(deps, input.postId)
  const refusal = postRefusal(
    post,
    { isOwner: post.ownerId === user._id, isStaff: isLostStaff(user, post), claiming: false },
    'clue',
  )
  if (refusal)
    throw post.state === 'open' ? validation(refusal, [{ path: 'postId', message: refusal }]) : conflict(refusal)
  const id = idFromRequest('lc', post._id, user._id, requestId ?? deps.ids.next('lc'))
  const { claim: written, fresh } = await insertClaim(deps, draft(post, user, id, 'clue', input.text, deps.clock.now()))
  if (fresh) await tell(deps, post.ownerId, '您的启事收到一条线索', `「${post.title}」收到新的线索，请查看。`, post._id)
  return written
}

/** A six-digit code from a cryptographic source: 1 in a million, and five wrong tries lock the claim. */
const newCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')

async function updateClaim(deps: Deps, id: string, change: (c: LostClaimDoc) => LostClaimDoc): Promise<LostClaimDoc> {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) await backoff(attempt)
    const current = await loadClaim(deps, id)
    try {
      return LostClaimDocSchema.parse(await deps.store.replace('lostclaims', change(current)))
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  throw conflict()
}

export async function decide(
  deps: Deps,
  user: UserDoc,
  input: { claimId: string; accept: boolean; note: string },
): Promise<LostClaimDoc> {
  const first = await loadClaim(deps, input.claimId)
  const post = await loadPost(deps, first.postId)
  if (!isKeeper(user, post)) throw forbidden('只有发布人或网格员可以核对认领')
  const target = input.accept ? 'accepted' : 'declined'
  let changed = false
  const decided = await updateClaim(deps, first._id, (c) => {
    changed = false
    if (c.state === target) return c
    if (c.kind !== 'claim' || c.state !== 'pending') throw conflict('该认领已处理，请刷新')
    if (post.state !== 'open') throw conflict('该物品已归还或启事已结束')
    changed = true
    const now = deps.clock.now()
    return {
      ...c,
      state: target,
      decidedBy: user._id,
      decidedAt: now,
      decisionNote: input.note,
      code: input.accept ? newCode() : null,
      updatedAt: now,
    }
  })
  if (changed) {
    const title = input.accept ? '您的认领已通过核对' : '您的认领未通过核对'
    const body = input.accept
      ? `「${post.publicTitle}」：请打开认领查看交接码，到网格服务站或与拾到者当面出示交接码领取。`
      : `「${post.publicTitle}」：${input.note || '回答与物品不符'}。`
    await tell(deps, decided.claimantId, title, body, post._id)
  }
  return decided
}

export async function withdraw(deps: Deps, user: UserDoc, claimId: string): Promise<LostClaimDoc> {
  return updateClaim(deps, claimId, (c) => {
    if (c.claimantId !== user._id) throw forbidden('只能撤回自己的认领')
    if (c.state === 'withdrawn') return c
    if (c.state !== 'pending' && c.state !== 'accepted') throw conflict('该认领已结束，不能撤回')
    return { ...c, state: 'withdrawn', code: null, updatedAt: deps.clock.now() }
  })
}

const minutesLeft = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 60000))

/**
 * The claimant's own open 寻物启事 that this item answers: the one they named, and any other that matches
 * it (same category, place and time as the suggestions use), so no stale notice stays up after a return.
 */
async function claimantsLostPosts(deps: Deps, claim: LostClaimDoc, found: LostPostDoc): Promise<string[]> {
  const page = await deps.store.find('lostposts', {
    where: { ownerId: claim.claimantId },
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: 50,
  })
  const theirs = page.items
    .map((raw) => LostPostDocSchema.parse(raw))
    .filter((p) => p.kind === 'lost' && p.state === 'open' && (p._id === claim.lostPostId || fits(p, found)))
  return theirs.map((p) => p._id)
}

/** The return, written with the claim, the found post and the claimant's own lost post in one transaction. */
async function completeHandover(deps: Deps, user: UserDoc, claim: LostClaimDoc, post: LostPostDoc) {
  const now = deps.clock.now()
  const ownLost = await claimantsLostPosts(deps, claim, post)
  return deps.store.transaction(async (tx) => {
    const rawPost = await tx.get('lostposts', post._id)
    const current = rawPost ? LostPostDocSchema.parse(rawPost) : null
    if (!current || current.state !== 'open') throw conflict('该物品已归还或启事已结束')
    const rawClaim = await tx.get('lostclaims', claim._id)
    const fresh = rawClaim ? LostClaimDocSchema.parse(rawClaim) : null
    if (!fresh || fresh.state !== 'accepted') throw conflict('该认领已处理，请刷新')
    const done: LostClaimDoc = {
      ...fresh,
      state: 'returned',
      code: null,
      handedOverBy: user._id,
      handedOverAt: now,
      updatedAt: now,
    }
    await tx.replace('lostclaims', done)
    await replacePost(tx, current, returned(current, claim._id, now))
    for (const id of ownLost) {
      const rawLost = await tx.get('lostposts', id)
      const lost = rawLost ? LostPostDocSchema.parse(rawLost) : null
      if (lost && lost.state === 'open') await replacePost(tx, lost, returned(lost, claim._id, now))
    }
    const ret: LostReturnDoc = {
      _id: `ret_${post._id}`,
      postId: post._id,
      claimId: claim._id,
      finderId: post.ownerId,
      ownerId: fresh.claimantId,
      handedOverBy: user._id,
      streetId: post.streetId,
      gridId: post.gridId,
      at: now,
      pointsAwarded: false,
      version: 0,
    }
    await tx.insert('lostreturns', ret)
    return { ...done, version: fresh.version + 1 }
  })
}

/** Every other live claim on a returned item is declined, and its claimant told. */
async function declineOthers(deps: Deps, post: LostPostDoc, keep: string): Promise<void> {
  for (const other of await claimsOf(deps, post)) {
    if (other._id === keep || (other.state !== 'pending' && other.state !== 'accepted')) continue
    const declined = await updateClaim(deps, other._id, (c) =>
      c.state === 'pending' || c.state === 'accepted'
        ? { ...c, state: 'declined', code: null, decisionNote: '物品已由他人认领领回', updatedAt: deps.clock.now() }
        : c,
    )
    if (declined.state === 'declined')
      await tell(
        deps,
        declined.claimantId,
        '您认领的物品已由他人领回',
        `「${post.publicTitle}」已完成交接，您的认领自动结束。`,
        post._id,
      )
  }
}

export async function handover(
  deps: Deps,
  user: UserDoc,
  input: { claimId: string; code: string },
): Promise<LostClaimDoc> {
  const claim0 = await loadClaim(deps, input.claimId)
  const post = await loadPost(deps, claim0.postId)
  if (!isKeeper(user, post)) throw forbidden('只有拾到者或网格员可以确认交接')
  if (claim0.state === 'returned') return claim0
  if (claim0.state !== 'accepted') throw conflict('该认领尚未通过核对或已结束')
  const now = deps.clock.now()
  // Checked and counted on the stored claim in one versioned write: wrong codes sent at once all count.
  let verdict = { ok: true } as CodeCheck
  await updateClaim(deps, claim0._id, (c) => {
    if (c.state !== 'accepted') throw conflict('该认领已处理，请刷新')
    verdict = checkCode(c, input.code, now)
    return verdict.ok ? c : verdict.claim
  })
  if (!verdict.ok) {
    if (verdict.locked)
      throw new AppError(
        'RATE_LIMITED',
        `交接码错误次数过多，请 ${minutesLeft(verdict.lockedUntil ?? now, now)} 分钟后再试`,
        [{ path: 'code', message: `连续输错 ${CODE_TRIES} 次，已锁定 1 小时` }],
      )
    throw validation('交接码不正确', [{ path: 'code', message: `交接码不正确，还可以再试 ${verdict.triesLeft} 次` }])
  }
  let done: LostClaimDoc
  try {
    done = await completeHandover(deps, user, claim0, post)
  } catch (err) {
    if (err instanceof StoreConflictError) throw conflict('该物品正在交接或已归还，请刷新')
    throw err
  }
  await audit(deps, {
    actorId: user._id,
    action: 'lost.handover',
    targetType: 'lostpost',
    targetId: post._id,
    detail: `「${post.publicTitle}」交还认领人`,
    streetId: post.streetId,
    communityId: post.communityId,
    gridId: post.gridId,
  })
  const ret = await deps.store.get('lostreturns', `ret_${post._id}`)
  if (ret) await awardReturn(deps, LostReturnDocSchema.parse(ret))
  await declineOthers(deps, post, claim0._id)
  await tell(deps, done.claimantId, '物品已交接', `「${post.publicTitle}」已确认交还给您。`, post._id)
  if (post.ownerId !== user._id)
    await tell(
      deps,
      post.ownerId,
      '您拾到的物品已归还失主',
      `「${post.title}」已由网格员确认交还，感谢您的善举。`,
      post._id,
    )
  return done
}
