/**
 * The lists: a grid's open posts, the street-wide ones, keyword search over either, the poster's own,
 * and claims (mine, waiting on my posts, the grid station's). Every filter but extra search words is
 * part of the indexed query; each page is checked by the one rule before it leaves.
 */
import {
  LOST_CATEGORIES,
  LOST_KINDS,
  LostClaimDocSchema,
  LostPostDocSchema,
  type ActionParsedInput,
  type LostClaimDoc,
  type LostPostDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { forbidden } from '../../errors'
import type { RangeCond, Where } from '../../store/port'
import { adminScopeWhere, grantsOf, mayAct, visibleTo } from '../places/can'
import { loadGrid } from '../places/load'
import { gridPlace } from '../places/place'
import { canSeePost, claimPlace, homeStreet, LOST_STAFF } from './access'
import { nameCache, presentClaim, presentPost } from './present'
import { queryWords } from './words'

const PAGE = 20
type ListInput = ActionParsedInput<'lostfound.list'>

/** The grids a viewer may list: their home grid, then the grids they work. */
async function gridsOf(deps: Deps, user: UserDoc) {
  const ids = [
    ...(user.homeGridId ? [user.homeGridId] : []),
    ...grantsOf(user, 'grid_worker').flatMap((g) => g.gridIds ?? []),
  ]
  const grids = await Promise.all([...new Set(ids)].map((id) => loadGrid(deps, id)))
  return grids.filter((g) => !g.archived)
}

/** The street whose street-wide posts the viewer reads: where they live, else the one they work in. */
async function streetOf(deps: Deps, user: UserDoc): Promise<string | null> {
  const home = await homeStreet(deps, user)
  if (home) return home
  const grids = await gridsOf(deps, user)
  if (grids[0]) return grids[0].streetId
  return user.roles.find((g) => g.streetId)?.streetId ?? null
}

/** Kind and category as one indexed field: every `<kind>|<category>` the filters allow. */
function filterKeys(input: ListInput): string[] | null {
  if (!input.kind && !input.category) return null
  const kinds = input.kind ? [input.kind] : [...LOST_KINDS]
  const categories = input.category ? [input.category] : [...LOST_CATEGORIES]
  return kinds.flatMap((k) => categories.map((c) => `${k}|${c}`))
}

function dayRange(input: ListInput): Where {
  if (input.from === undefined && input.to === undefined) return {}
  const range: RangeCond = {}
  if (input.from !== undefined) range.gte = input.from
  if (input.to !== undefined) range.lt = input.to
  return { createdAt: range }
}

/** Keyword search: the most selective word through the index, the others and the filters checked per post. */
async function searchPage(deps: Deps, holder: Where, words: string[], input: ListInput) {
  const [first, ...rest] = words
  const keys = filterKeys(input)
  const posts: LostPostDoc[] = []
  let cursor = input.cursor ?? null
  // Fill the page: a few index pages at most, so a rare combination cannot walk the whole street.
  for (let round = 0; round < 5 && posts.length < PAGE; round++) {
    const page = await deps.store.find('lostwords', {
      where: { ...holder, word: first ?? '', ...dayRange(input) },
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: PAGE,
      cursor,
    })
    const loaded = await Promise.all(page.items.map((w) => deps.store.get('lostposts', String(w.postId))))
    for (const raw of loaded) {
      const post = raw ? LostPostDocSchema.parse(raw) : null
      if (!post || post.state !== 'open') continue
      if (keys && !keys.includes(post.filterKey)) continue
      if (rest.some((w) => !post.words.includes(w))) continue
      posts.push(post)
    }
    cursor = page.nextCursor
    if (!cursor) break
  }
  return { posts, nextCursor: cursor }
}

export async function listPosts(deps: Deps, user: UserDoc, input: ListInput) {
  const grids = await gridsOf(deps, user)
  const choices = grids.map((g) => ({ id: g._id, name: g.name }))
  let holder: Where
  let placeName: string | null
  let gridId: string | null = null
  if (input.scope === 'grid') {
    const grid = input.gridId ? await loadGrid(deps, input.gridId) : (grids[0] ?? null)
    if (!grid) return { items: [], nextCursor: null, scope: input.scope, placeName: null, gridId: null, grids: choices }
    const place = { ...gridPlace(grid), membersOfGrid: true }
    if (!mayAct(user, 'any', place) && !mayAct(user, LOST_STAFF, place)) throw forbidden('只能查看自己所在网格的启事')
    holder = { gridId: grid._id }
    placeName = grid.name
    gridId = grid._id
  } else {
    const streetId = await streetOf(deps, user)
    if (!streetId)
      return { items: [], nextCursor: null, scope: input.scope, placeName: null, gridId: null, grids: choices }
    const street = await deps.store.get('streets', streetId)
    holder = { streetId, wide: true }
    placeName = typeof street?.name === 'string' ? street.name : null
  }
  const words = input.q ? queryWords(input.q) : []
  // A search of nothing findable (numbers are never search words) finds nothing, rather than everything.
  if (input.q && !words.length)
    return { items: [], nextCursor: null, scope: input.scope, placeName, gridId, grids: choices }
  let posts: LostPostDoc[]
  let nextCursor: string | null
  if (words.length) {
    ;({ posts, nextCursor } = await searchPage(deps, holder, words, input))
  } else {
    const keys = filterKeys(input)
    const page = await deps.store.find('lostposts', {
      where: { ...holder, state: 'open', ...(keys ? { filterKey: { in: keys } } : {}), ...dayRange(input) },
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: PAGE,
      cursor: input.cursor ?? null,
    })
    posts = page.items.map((raw) => LostPostDocSchema.parse(raw))
    nextCursor = page.nextCursor
  }
  const names = nameCache(deps)
  const seen = await Promise.all(posts.map((p) => canSeePost(deps, user, p)))
  const items = await Promise.all(posts.filter((_, i) => seen[i]).map((p) => presentPost(deps, p, user, names)))
  return { items, nextCursor, scope: input.scope, placeName, gridId, grids: choices }
}

export async function myPosts(deps: Deps, user: UserDoc, cursor: string | null) {
  const page = await deps.store.find('lostposts', {
    where: { ownerId: user._id },
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: PAGE,
    cursor,
  })
  const names = nameCache(deps)
  const items = await Promise.all(page.items.map((raw) => presentPost(deps, LostPostDocSchema.parse(raw), user, names)))
  return { items, nextCursor: page.nextCursor }
}

const LIVE: LostClaimDoc['state'][] = ['pending', 'accepted']

/** Where each claims list reads from; the grid station's list needs a staff grant and reads from its scope. */
function claimsWhere(user: UserDoc, which: 'mine' | 'received' | 'grid'): Where {
  switch (which) {
    case 'mine':
      return { claimantId: user._id }
    case 'received':
      return { posterId: user._id, state: { in: LIVE } }
    case 'grid': {
      const gridIds = grantsOf(user, 'grid_worker').flatMap((g) => g.gridIds ?? [])
      if (gridIds.length) return { gridId: { in: gridIds }, state: { in: LIVE } }
      if (grantsOf(user, 'community_admin', 'street_admin').length)
        return { ...adminScopeWhere(user), state: { in: LIVE } }
      throw forbidden('只有网格工作人员可以查看待处理的认领')
    }
  }
}

export async function claimsPage(
  deps: Deps,
  user: UserDoc,
  which: 'mine' | 'received' | 'grid',
  cursor: string | null,
) {
  const page = await deps.store.find('lostclaims', {
    where: claimsWhere(user, which),
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: PAGE,
    cursor,
  })
  const claims = visibleTo(
    user,
    which === 'grid' ? LOST_STAFF : 'any',
    page.items.map((raw) => LostClaimDocSchema.parse(raw)),
    claimPlace,
  )
  return { items: await Promise.all(claims.map((c) => presentClaim(deps, c, user))), nextCursor: page.nextCursor }
}
