/** The grid feed and its questions: each action's roles and the place it acts on, then the module's work. */
import { maskSensitiveText } from '../../../../types'
import type { Handler } from '../../handler'
import { AppError, notFound } from '../../errors'
import { communityPlace, gridPlace, isScoped, streetPlace, treeOfGrid } from '../places/place'
import { audit } from '../audit/log'
import { atGrid, self, type PlaceRule } from '../places/rules'
import type { GroupProof } from '../../platform/ports'
import { bindGroup, boundGrid, GROUP_BINDERS, groupKey, resolveGroup } from './groups'
import { search } from './search'
import { loadCommunity, loadGrid } from '../places/load'
import {
  assertAuthor,
  changePost,
  feedPage,
  loadPost,
  markRead,
  postPlace,
  presentPost,
  publish,
  relay,
  unreadOf,
} from './posts'
import {
  ask,
  loadQuestion,
  markAnswered,
  presentQuestion,
  QUESTION_STAFF,
  questionPage,
  questionPlace,
  reply,
  toOrder,
} from './questions'

type FeedActions =
  | 'feed.relay'
  | 'groups.bind'
  | 'groups.resolve'
  | 'feed.list'
  | 'feed.get'
  | 'feed.publish'
  | 'feed.edit'
  | 'feed.pin'
  | 'feed.withdraw'
  | 'feed.unread'
  | 'feed.search'
  | 'questions.ask'
  | 'questions.list'
  | 'questions.get'
  | 'questions.reply'
  | 'questions.answered'
  | 'questions.toOrder'

const PUBLISHERS = ['grid_worker', 'department', 'community_admin', 'street_admin'] as const
const ADMINS = ['community_admin', 'street_admin'] as const

/** A grid's members and everyone who serves it. */
const inGrid = <I>(pick: (input: I) => string) => atGrid(pick, { membersOfGrid: true, hidden: true })

/** Where a post is published: every grid named, a community (its admins) or a street (its admins). */
const publishPlace: PlaceRule<{
  target: { gridIds: string[] } | { communityId: string } | { streetId: string }
}> = async (deps, input) => {
  const t = input.target
  if ('gridIds' in t) return Promise.all(t.gridIds.map(async (id) => gridPlace(await loadGrid(deps, id))))
  if ('communityId' in t) return { ...communityPlace(await loadCommunity(deps, t.communityId)), roles: ADMINS }
  return { ...streetPlace(t.streetId), roles: ['street_admin'] }
}

const atPost: PlaceRule<{ postId: string }> = async (deps, input, user) =>
  postPlace(deps, await loadPost(deps, input.postId), user)

/**
 * Reading a post: in one of its grids, or opened from the WeChat group bound to one of its grids (everyone in
 * the group reads what was shared there).
 */
const readPost: PlaceRule<{ postId: string; group?: GroupProof }> = async (deps, input, user) => {
  const post = await loadPost(deps, input.postId)
  const place = await postPlace(deps, post, user)
  if (!input.group) return place
  const grid = await boundGrid(deps, await groupKey(deps, input.group, user.openId))
  return grid && post.gridIds.includes(grid._id) ? { ...place, partyIds: [user._id] } : place
}

const atQuestion: PlaceRule<{ questionId: string }> = async (deps, input) =>
  questionPlace(deps, await loadQuestion(deps, input.questionId))

/** Staff acting on a question: the place of its grid, for the roles that answer there. */
const staffAtQuestion: PlaceRule<{ questionId: string }> = async (deps, input) => ({
  ...gridPlace(await loadGrid(deps, (await loadQuestion(deps, input.questionId)).gridId)),
  hidden: true,
})

export const feedHandlers: { [A in FeedActions]: Handler<A> } = {
  'feed.list': {
    roles: 'any',
    place: inGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => feedPage(deps, user, input.gridId, input.cursor ?? null),
  },
  'feed.get': {
    roles: 'any',
    place: readPost,
    handle: async ({ deps, user, places }, input) => {
      const post = await loadPost(deps, input.postId)
      if (post.state !== 'live') throw notFound('该通知已撤回')
      // readPost made the reader a party only when the card came from the group bound to the post's grid.
      const via = places.some((p) => isScoped(p) && p.partyIds?.includes(user._id)) ? 'group' : 'app'
      return presentPost(deps, await markRead(deps, post, user, via), user)
    },
  },
  'feed.relay': {
    roles: ['building_head'],
    place: atPost,
    handle: async ({ deps, user }, input) => {
      const post = await loadPost(deps, input.postId)
      const view = await presentPost(deps, post, user)
      if (post.state !== 'live') throw notFound('该通知已撤回')
      if (!view.can.includes('relay') && !view.can.includes('unread'))
        throw new AppError('FORBIDDEN', '只有本网格的楼长可以标记转告')
      await relay(deps, post, user)
      return presentPost(deps, post, user)
    },
  },
  'groups.bind': {
    roles: GROUP_BINDERS,
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user, openId }, input) => {
      const grid = await bindGroup(deps, user, input.gridId, await groupKey(deps, input.group, openId))
      return { gridId: grid._id, gridName: grid.name }
    },
  },
  'groups.resolve': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user, openId }, input) =>
      resolveGroup(deps, user, await groupKey(deps, input.group, openId), input.gridId),
  },
  'feed.publish': {
    roles: PUBLISHERS,
    place: publishPlace,
    handle: async ({ deps, user, openId, requestId }, input) =>
      presentPost(deps, await publish(deps, user, openId, requestId, input), user),
  },
  'feed.edit': {
    roles: PUBLISHERS,
    place: atPost,
    handle: async ({ deps, user, openId }, input) => {
      assertAuthor(await loadPost(deps, input.postId), user)
      const verdict = await deps.contentCheck.text(`${input.title}\n${input.body}`, openId)
      if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '内容中包含不适宜的信息，请修改后再保存')
      const now = deps.clock.now()
      const saved = await changePost(deps, input.postId, (p) => {
        assertAuthor(p, user)
        return {
          ...p,
          title: maskSensitiveText(input.title),
          body: maskSensitiveText(input.body),
          editedAt: now,
          updatedAt: now,
        }
      })
      return presentPost(deps, saved, user)
    },
  },
  'feed.pin': {
    roles: PUBLISHERS,
    place: atPost,
    handle: async ({ deps, user }, input) => {
      const view = await presentPost(deps, await loadPost(deps, input.postId), user)
      if (!view.can.includes('pin')) throw new AppError('FORBIDDEN', '只有发布人或管理员可以置顶')
      return presentPost(deps, await changePost(deps, input.postId, (p) => ({ ...p, pinned: input.pinned })), user)
    },
  },
  'feed.withdraw': {
    roles: PUBLISHERS,
    place: atPost,
    handle: async ({ deps, user }, input) => {
      const view = await presentPost(deps, await loadPost(deps, input.postId), user)
      if (!view.can.includes('withdraw')) throw new AppError('FORBIDDEN', '只有发布人或管理员可以撤回')
      const now = deps.clock.now()
      return presentPost(
        deps,
        await changePost(deps, input.postId, (p) => ({ ...p, state: 'withdrawn', updatedAt: now })),
        user,
      )
    },
  },
  'feed.unread': {
    roles: [...PUBLISHERS, 'building_head'],
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => {
      const post = await loadPost(deps, input.postId)
      if (!post.gridIds.includes(input.gridId)) throw notFound('该通知没有发到这个网格')
      const grid = await loadGrid(deps, input.gridId)
      const unread = await unreadOf(deps, post, input.gridId)
      await audit(deps, {
        actorId: user._id,
        action: 'records.lookup',
        targetType: 'grid',
        targetId: grid._id,
        detail: `查看“${post.title}”的未读住户（${unread.total} 户）`,
        ...treeOfGrid(grid),
      })
      return unread
    },
  },
  'feed.search': {
    roles: 'any',
    place: inGrid((i) => i.gridId),
    handle: async ({ deps }, input) => search(deps, input.gridId, input.q),
  },
  'questions.ask': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user, openId, requestId }, input) =>
      presentQuestion(deps, await ask(deps, user, openId, requestId, input), user),
  },
  'questions.list': {
    roles: 'any',
    place: inGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => questionPage(deps, user, input),
  },
  'questions.get': {
    roles: 'any',
    place: atQuestion,
    handle: async ({ deps, user }, input) => presentQuestion(deps, await loadQuestion(deps, input.questionId), user),
  },
  'questions.reply': {
    roles: 'any',
    place: atQuestion,
    handle: async ({ deps, user, openId, requestId }, input) =>
      presentQuestion(deps, await reply(deps, user, openId, requestId, input), user),
  },
  'questions.answered': {
    roles: 'any',
    place: atQuestion,
    handle: async ({ deps, user }, input) =>
      presentQuestion(deps, await markAnswered(deps, user, input.questionId), user),
  },
  'questions.toOrder': {
    roles: QUESTION_STAFF,
    place: staffAtQuestion,
    handle: async ({ deps, user }, input) => presentQuestion(deps, await toOrder(deps, user, input), user),
  },
}
