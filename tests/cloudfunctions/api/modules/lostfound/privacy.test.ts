/**
 * The privacy scan: every read action of lost and found, for every demo person, on the demo data plus a
 * claim and a clue that carry numbers. Whatever a person receives about a post they did not post must hold
 * no unmasked ID, phone or bank number (staff included); claims reach only their parties and staff in scope.
 */
import {
  findSensitiveNumbers,
  LostPostDocSchema,
  UserDocSchema,
  type LostPostDoc,
  type UserDoc,
} from '../../../../../types'
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { rid } from '../../../../helpers/orders'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { DEMO_PEOPLE, demoOpenId } from '../../../../../scripts/seed/demo'

/** Written from the rule, not from the code: only the poster reads a post as typed (staff read it masked, as on orders). */
const readsRaw = (user: UserDoc, post: LostPostDoc) => user._id === post.ownerId

/** Claims: their claimant, the post's poster, and the grid's workers and its community's and street's admins. */
function handles(user: UserDoc, post: LostPostDoc): boolean {
  if (user._id === post.ownerId) return true
  return user.roles.some(
    (g) =>
      (g.role === 'grid_worker' && post.gridId !== null && (g.gridIds ?? []).includes(post.gridId)) ||
      (g.role === 'community_admin' && g.communityId === post.communityId) ||
      (g.role === 'street_admin' && g.streetId === post.streetId),
  )
}

interface Seen {
  id: string
  claims?: { isMine: boolean; text: string }[]
  matches?: { id: string }[]
}

async function allPosts(api: TestApi): Promise<LostPostDoc[]> {
  const posts: LostPostDoc[] = []
  for (const id of ['lp_demo_idcard', 'lp_demo_wallet', 'lp_demo_person', 'lp_demo_gh_keys']) {
    posts.push(LostPostDocSchema.parse(await api.deps.store.get('lostposts', id)))
  }
  return posts
}

test('no public response of lost and found carries an unmasked number, for any demo person', async () => {
  const api = await createTestApi({ seed: true })
  // A claim whose answer holds an ID number and a clue with a phone: the parties' and staff's only.
  dataOf(
    await api.call(
      demoOpenId('building_head'),
      'lostfound.claim',
      { postId: 'lp_demo_idcard', answer: '我的身份证号是370811195803120022' },
      rid('pv'),
    ),
  )
  dataOf(
    await api.call(
      demoOpenId('resident'),
      'lostfound.clue',
      { postId: 'lp_demo_person', text: '他儿子电话13805376666' },
      rid('pv'),
    ),
  )
  const posts = await allPosts(api)
  const byId = new Map(posts.map((p) => [p._id, p]))
  let scanned = 0
  let masked = 0

  const check = (viewer: UserDoc, item: Seen, where: string) => {
    const post = byId.get(item.id)
    if (!post) return
    scanned++
    const { claims = [], matches = [], ...own } = item
    if (!readsRaw(viewer, post)) {
      masked++
      expect({ where, viewer: viewer.nickname, hits: findSensitiveNumbers(JSON.stringify(own)) }).toEqual({
        where,
        viewer: viewer.nickname,
        hits: [],
      })
    }
    // Someone who is neither poster nor staff reads only their own claims.
    if (!handles(viewer, post)) expect(claims.every((c) => c.isMine)).toBe(true)
    for (const m of matches) check(viewer, m as Seen, `${where} → match`)
  }

  for (const person of DEMO_PEOPLE) {
    const openId = demoOpenId(person.key)
    dataOf(await api.call(openId, 'me.get'))
    const viewer = UserDocSchema.parse(await api.deps.store.get('users', userIdFor(openId)))
    const first = dataOf<{ grids: { id: string }[]; items: Seen[] }>(await api.call(openId, 'lostfound.list', {}))
    const lists = [first.items]
    for (const g of first.grids) {
      lists.push(dataOf<{ items: Seen[] }>(await api.call(openId, 'lostfound.list', { gridId: g.id })).items)
    }
    lists.push(dataOf<{ items: Seen[] }>(await api.call(openId, 'lostfound.list', { scope: 'street' })).items)
    lists.push(
      dataOf<{ items: Seen[] }>(await api.call(openId, 'lostfound.list', { scope: 'street', q: '身份证' })).items,
    )
    lists.push(dataOf<{ items: Seen[] }>(await api.call(openId, 'lostfound.mine', {})).items)
    for (const items of lists) for (const item of items) check(viewer, item, 'list')
    for (const post of posts) {
      const res = await api.call(openId, 'lostfound.get', { postId: post._id })
      if (res.ok) check(viewer, res.data as Seen, 'get')
      else expect(res).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    for (const which of ['mine', 'received', 'grid'] as const) {
      const res = await api.call(openId, 'lostfound.claims', { which })
      if (!res.ok) {
        expect(res).toMatchObject({ error: { code: 'FORBIDDEN' } })
        continue
      }
      for (const claim of (res.data as { items: { postId: string; isMine: boolean; text: string }[] }).items) {
        const post = byId.get(claim.postId)
        if (!post) continue
        const party = claim.isMine || handles(viewer, post)
        expect({ which, viewer: viewer.nickname, party }).toEqual({ which, viewer: viewer.nickname, party: true })
      }
    }
  }
  // The scan looked at many views, and many of them were public ones.
  expect(scanned).toBeGreaterThan(60)
  expect(masked).toBeGreaterThan(20)
})
