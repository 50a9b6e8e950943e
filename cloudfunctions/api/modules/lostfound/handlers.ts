/** The lost-and-found actions: post, list and search, read, edit, renew, close, tell a resident, claim, hand over. */
import {
  MembershipDocSchema,
  maskSensitiveText,
  type LostPostDoc,
  type PostEvent,
  type UserDoc,
} from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { AppError, forbidden, notFound, validation } from '../../errors'
import { open, self } from '../places/rules'
import { loadUsers } from '../places/load'
import { audit } from '../audit/log'
import { LOST_STAFF, claimPlace, homeStreet, isLostStaff, loadClaim, loadPost, postPlace } from './access'
import { createPlace, createPost } from './create'
import { claimsPage, listPosts, myPosts } from './lists'
import { claimsOf, presentClaim, presentDetail } from './present'
import { changePost } from './repo'
import { closed, postRefusal, renewed } from './rules'
import { claim, clue, decide, handover, withdraw } from './claims'
import { wordsOf } from './words'

const atPost = async (deps: Deps, input: { postId: string }, user: UserDoc) =>
  postPlace(await loadPost(deps, input.postId), { user, street: await homeStreet(deps, user) })

const atClaim = async (deps: Deps, input: { claimId: string }) => claimPlace(await loadClaim(deps, input.claimId))

/** Refuses an owner-or-staff event this viewer may not cause on this post now, in words they read. */
function assertMay(user: UserDoc, post: LostPostDoc, event: PostEvent): void {
  const refusal = postRefusal(
    post,
    { isOwner: post.ownerId === user._id, isStaff: isLostStaff(user, post), claiming: false },
    event,
  )
  if (!refusal) return
  if (refusal === '只有发布人或网格员可以操作') throw forbidden(refusal)
  throw new AppError('INVALID_TRANSITION', refusal)
}

async function closeClaims(deps: Deps, post: LostPostDoc): Promise<void> {
  for (const c of await claimsOf(deps, post)) {
    if (c.state !== 'pending' && c.state !== 'accepted') continue
    try {
      await deps.store.replace('lostclaims', {
        ...c,
        state: 'declined',
        code: null,
        decisionNote: '启事已关闭',
        updatedAt: deps.clock.now(),
      })
    } catch {
      // A claim that moved meanwhile (withdrawn, handed over) keeps its own ending.
    }
  }
}

type LostActions =
  | 'lostfound.create'
  | 'lostfound.list'
  | 'lostfound.mine'
  | 'lostfound.get'
  | 'lostfound.edit'
  | 'lostfound.renew'
  | 'lostfound.close'
  | 'lostfound.notify'
  | 'lostfound.claim'
  | 'lostfound.clue'
  | 'lostfound.decide'
  | 'lostfound.withdraw'
  | 'lostfound.handover'
  | 'lostfound.claims'

export const lostfoundHandlers: { [A in LostActions]: Handler<A> } = {
  'lostfound.create': {
    roles: 'any',
    place: createPlace,
    handle: async ({ deps, user, openId, requestId }, input) =>
      presentDetail(deps, await createPost(deps, user, openId, requestId, input), user),
  },
  'lostfound.list': {
    roles: 'any',
    place: open,
    handle: ({ deps, user }, input) => listPosts(deps, user, input),
  },
  'lostfound.mine': {
    roles: 'any',
    place: self,
    handle: ({ deps, user }, input) => myPosts(deps, user, input.cursor ?? null),
  },
  'lostfound.get': {
    roles: 'any',
    place: atPost,
    handle: async ({ deps, user }, input) => presentDetail(deps, await loadPost(deps, input.postId), user),
  },
  'lostfound.edit': {
    roles: 'any',
    place: atPost,
    handle: async ({ deps, user, openId }, input) => {
      const post = await loadPost(deps, input.postId)
      assertMay(user, post, 'edit')
      if (input.question !== undefined && input.question && post.kind !== 'found')
        throw validation('只有失物招领可以设置认领问题', [{ path: 'question', message: '请清空认领问题' }])
      const changed = [input.title, input.text, input.question, input.place].filter(Boolean).join('\n')
      if (changed && !(await deps.contentCheck.text(changed, openId)).pass)
        throw new AppError('CONTENT_REJECTED', '内容中包含不适宜的信息，请修改后再提交')
      const now = deps.clock.now()
      const after = await changePost(deps, post._id, (p) => {
        assertMay(user, p, 'edit')
        const title = input.title ?? p.title
        const text = input.text ?? p.text
        const publicTitle = maskSensitiveText(title)
        const publicText = maskSensitiveText(text)
        const place = input.place !== undefined ? maskSensitiveText(input.place) : p.place
        return {
          ...p,
          title,
          text,
          publicTitle,
          publicText,
          question: input.question ?? p.question,
          place,
          words: wordsOf(publicTitle, publicText, p.category),
          updatedAt: now,
        }
      })
      return presentDetail(deps, after, user)
    },
  },
  'lostfound.renew': {
    roles: 'any',
    place: atPost,
    handle: async ({ deps, user }, input) => {
      const after = await changePost(deps, input.postId, (p) => {
        assertMay(user, p, 'renew')
        return renewed(p, deps.clock.now())
      })
      return presentDetail(deps, after, user)
    },
  },
  'lostfound.close': {
    roles: 'any',
    place: atPost,
    handle: async ({ deps, user }, input) => {
      const before = await loadPost(deps, input.postId)
      if (before.state === 'closed') return presentDetail(deps, before, user)
      const after = await changePost(deps, input.postId, (p) => {
        assertMay(user, p, 'close')
        return closed(p, input.reason, deps.clock.now())
      })
      await closeClaims(deps, after)
      return presentDetail(deps, after, user)
    },
  },
  'lostfound.notify': {
    roles: LOST_STAFF,
    place: async (deps, input) => ({ ...postPlace(await loadPost(deps, input.postId)), partyIds: [] }),
    handle: async ({ deps, user }, input) => {
      const post = await loadPost(deps, input.postId)
      assertMay(user, post, 'notify')
      const raw = await deps.store.get('memberships', input.membershipId)
      const member = raw ? MembershipDocSchema.parse(raw) : null
      if (!member || !member.active || member.gridId !== post.gridId) throw notFound('没有找到本网格的这位住户')
      const userId = member.userId ?? member.claimedBy
      if (!userId)
        throw validation('这位住户还没有使用小程序，请电话或上门联系', [
          { path: 'membershipId', message: '线下登记的住户收不到消息' },
        ])
      const [resident] = await loadUsers(deps, [userId])
      if (!resident) throw notFound('没有找到这位住户')
      await deps.notify.send({
        userId: resident._id,
        openId: resident.openId,
        title: post.kind === 'found' ? '网格员捡到了可能属于您的物品' : '网格员请您帮忙留意',
        body: `「${post.publicTitle}」，请打开查看${post.kind === 'found' ? '并认领' : ''}。`,
        link: `/packages/lostfound/pages/detail/index?id=${post._id}`,
      })
      await audit(deps, {
        actorId: user._id,
        action: 'lost.notify',
        targetType: 'membership',
        targetId: member._id,
        detail: `就「${post.publicTitle}」通知住户 ${member.name}`,
        streetId: post.streetId,
        communityId: post.communityId,
        gridId: post.gridId,
      })
      return { sent: true as const, name: member.name }
    },
  },
  'lostfound.claim': {
    roles: 'any',
    place: atPost,
    handle: async ({ deps, user }, input) => presentClaim(deps, await claim(deps, user, input), user),
  },
  'lostfound.clue': {
    roles: 'any',
    place: atPost,
    handle: async ({ deps, user, requestId }, input) =>
      presentClaim(deps, await clue(deps, user, requestId, input), user),
  },
  'lostfound.decide': {
    roles: 'any',
    place: atClaim,
    handle: async ({ deps, user }, input) => presentClaim(deps, await decide(deps, user, input), user),
  },
  'lostfound.withdraw': {
    roles: 'any',
    place: atClaim,
    handle: async ({ deps, user }, input) => presentClaim(deps, await withdraw(deps, user, input.claimId), user),
  },
  'lostfound.handover': {
    roles: 'any',
    place: atClaim,
    handle: async ({ deps, user }, input) => presentClaim(deps, await handover(deps, user, input), user),
  },
  'lostfound.claims': {
    roles: 'any',
    place: self,
    handle: ({ deps, user }, input) => claimsPage(deps, user, input.which, input.cursor ?? null),
  },
}
