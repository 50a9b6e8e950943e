/**
 * The grid feed: a post is written once with one feed entry per grid it reaches (so a grid's page is one
 * indexed query, pinned first then newest), read counts kept by one read record per person, and the
 * search words of a 明白纸 stored per grid.
 */
import {
  FeedPostDocSchema,
  MembershipDocSchema,
  maskSensitiveText,
  type ActionParsedInput,
  type FeedPostDoc,
  type FeedPostView,
  type GridDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, forbidden, notFound, validation } from '../../errors'
import { StoreConflictError, type TxHandle } from '../../store/port'
import { backoff } from '../../store/update'
import { idFromRequest } from '../../codes'
import { assertAttachable } from '../files/records'
import { grantsOf, mayAct } from '../places/can'
import { loadDepartment, loadGrid, loadUsers, routingGrids } from '../places/load'
import { gridPlace, scoped, type ScopedPlace } from '../places/place'
import { textWords } from '../lostfound/words'
import { wordDocs } from './words'
import { activeMembershipOf } from '../grids/repo'

const PAGE = 20
type PublishInput = ActionParsedInput<'feed.publish'>

export async function loadPost(deps: Deps, postId: string): Promise<FeedPostDoc> {
  const raw = await deps.store.get('feedposts', postId)
  if (!raw) throw notFound('该通知不存在或已删除')
  return FeedPostDocSchema.parse(raw)
}

/** Sort key of a feed entry: pinned ones first, then newest (both descending as one string). */
const sortKey = (pinned: boolean, createdAt: number) => `${pinned ? 1 : 0}_${String(createdAt).padStart(15, '0')}`

/** The place a viewer reads a post in: the first of its grids they belong to or serve (NOT_FOUND if none). */
export async function postPlace(deps: Deps, post: FeedPostDoc, user: UserDoc): Promise<ScopedPlace> {
  const grids = await Promise.all(post.gridIds.map((id) => loadGrid(deps, id)))
  const places = grids.map((g) => ({ ...gridPlace(g), membersOfGrid: true }))
  const mine = places.find((p) => mayAct(user, 'any', p))
  return { ...(mine ?? places[0] ?? scoped('feedpost', post._id, { streetId: post.streetId })), hidden: true }
}

/** Staff who serve a grid of the post (its workers, departments there, admins above). */
function servesPost(user: UserDoc, grids: GridDoc[]): boolean {
  return grids.some((g) => mayAct(user, ['grid_worker', 'department', 'community_admin', 'street_admin'], gridPlace(g)))
}

/** Admins above every grid of the post (its street's, or the community's for a post within one community). */
const isAdminOf = (user: UserDoc, grids: GridDoc[]) =>
  grids.length > 0 && grids.every((g) => mayAct(user, ['community_admin', 'street_admin'], gridPlace(g)))

/** Who opened the post from the grid's WeChat group (staff only), newest first, at most 50 names. */
async function groupReaders(deps: Deps, post: FeedPostDoc): Promise<string[]> {
  if (!post.groupReadCount) return []
  const page = await deps.store.find('feedreads', {
    where: { postId: post._id, via: 'group' },
    orderBy: { field: 'at', direction: 'desc' },
    limit: 50,
  })
  const users = await loadUsers(
    deps,
    page.items.map((r) => String(r.userId)),
  )
  return users.map((u) => u.nickname)
}

export async function presentPost(deps: Deps, post: FeedPostDoc, viewer: UserDoc): Promise<FeedPostView> {
  const grids = await Promise.all(post.gridIds.map((id) => loadGrid(deps, id)))
  const staff = servesPost(viewer, grids)
  const own = post.authorId === viewer._id
  const manage = own || isAdminOf(viewer, grids)
  const department = post.departmentId ? await loadDepartment(deps, post.departmentId).catch(() => null) : null
  const read = (await deps.store.version('feedreads', `${post._id}_${viewer._id}`)) !== null
  const live = post.state === 'live'
  const relays = await deps.store.find('feedrelays', {
    where: { postId: post._id },
    orderBy: { field: 'at', direction: 'asc' },
    limit: 50,
  })
  const relayedBy = relays.items.map((r) => String(r.label))
  const heads = grids.some((g) => mayAct(viewer, ['building_head'], gridPlace(g)))
  const relayed = relays.items.some((r) => r.userId === viewer._id)
  return {
    id: post._id,
    kind: post.kind,
    title: post.title,
    body: post.body,
    imageUrls: (await Promise.all(post.images.map((id) => deps.files.url(id)))).flatMap((u) => (u ? [u] : [])),
    pdfUrl: post.pdfUrl,
    department: department ? { name: department.name, phone: department.contactPhone } : null,
    scopeLabel:
      post.scope === 'street' ? '全街道' : post.scope === 'community' ? '全社区' : grids.map((g) => g.name).join('、'),
    authorLabel: post.authorLabel,
    pinned: post.pinned,
    withdrawn: !live,
    edited: post.editedAt !== null,
    readCount: post.readCount,
    relayedBy,
    groupReadCount: post.groupReadCount,
    groupReaders: staff ? await groupReaders(deps, post) : [],
    read,
    can: [
      ...(own && live ? (['edit'] as const) : []),
      ...(manage && live ? (['pin', 'withdraw'] as const) : []),
      ...(staff || heads ? (['unread'] as const) : []),
      ...(heads && live && !relayed ? (['relay'] as const) : []),
    ],
    createdAt: post.createdAt,
  }
}

/** The grids a publish reaches, after its place was checked by the dispatcher. */
async function targetGrids(deps: Deps, input: PublishInput): Promise<GridDoc[]> {
  const t = input.target
  if ('gridIds' in t) return Promise.all([...new Set(t.gridIds)].map((id) => loadGrid(deps, id)))
  if ('communityId' in t) {
    const community = await deps.store.get('communities', t.communityId)
    if (!community) throw notFound('社区不存在')
    return (await routingGrids(deps, String(community.streetId))).filter(
      (g) => g.communityId === t.communityId && !g.archived,
    )
  }
  return (await routingGrids(deps, t.streetId)).filter((g) => !g.archived)
}

function authorLabel(user: UserDoc, departmentName: string | null): string {
  const name = user.realName ?? user.nickname
  if (departmentName) return `${departmentName} ${name}`
  if (grantsOf(user, 'street_admin').length) return `街道 ${name}`
  if (grantsOf(user, 'community_admin').length) return `社区 ${name}`
  return `网格员 ${name}`
}

/** Feed entries of a post, one per grid, written with it (and rewritten when it is pinned or withdrawn). */
async function writeItems(tx: TxHandle, post: FeedPostDoc, fresh: boolean): Promise<void> {
  for (const gridId of post.gridIds) {
    const item = {
      _id: `${post._id}_${gridId}`,
      postId: post._id,
      gridId,
      live: post.state === 'live',
      sortKey: sortKey(post.pinned, post.createdAt),
      version: 0,
    }
    if (fresh) await tx.insert('feeditems', item)
    else {
      const raw = await tx.get('feeditems', item._id)
      if (raw) await tx.replace('feeditems', { ...item, version: Number(raw.version) })
    }
  }
}

export async function publish(
  deps: Deps,
  user: UserDoc,
  openId: string,
  requestId: string | null,
  input: PublishInput,
): Promise<FeedPostDoc> {
  const grids = await targetGrids(deps, input)
  if (!grids.length) throw validation('没有可以发布的网格', [{ path: 'target', message: '所选范围内没有启用的网格' }])
  const streetId = grids[0]?.streetId ?? ''
  let departmentName: string | null = null
  if (input.departmentId) {
    const department = await loadDepartment(deps, input.departmentId)
    if (department.streetId !== streetId)
      throw validation('请选择本街道的部门', [{ path: 'departmentId', message: '该部门不属于本街道' }])
    const mine = grantsOf(user, 'department').some((g) => g.departmentId === department._id)
    departmentName = mine ? department.name : null
  } else if (input.kind === 'leaflet') {
    throw validation('明白纸需要注明负责部门', [{ path: 'departmentId', message: '请选择负责解答的部门' }])
  }
  const verdict = await deps.contentCheck.text(`${input.title}\n${input.body}`, openId)
  if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '内容中包含不适宜的信息，请修改后再发布')
  await assertAttachable(deps, user._id, input.images, 'images')
  const now = deps.clock.now()
  const title = maskSensitiveText(input.title)
  const body = maskSensitiveText(input.body)
  const post: FeedPostDoc = {
    _id: idFromRequest('fp', user._id, requestId ?? `${now}`),
    kind: input.kind,
    title,
    body,
    images: input.images,
    pdfUrl: input.pdfUrl,
    departmentId: input.departmentId,
    streetId,
    communityId: 'communityId' in input.target ? input.target.communityId : null,
    scope: 'gridIds' in input.target ? 'grid' : 'communityId' in input.target ? 'community' : 'street',
    gridIds: grids.map((g) => g._id),
    authorId: user._id,
    authorLabel: authorLabel(user, departmentName),
    pinned: false,
    state: 'live',
    editedAt: null,
    readCount: 0,
    groupReadCount: 0,
    words: input.kind === 'leaflet' ? [...new Set([...textWords(title), ...textWords(body)])].slice(0, 60) : [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  try {
    await deps.store.transaction(async (tx) => {
      await tx.insert('feedposts', post)
      await writeItems(tx, post, true)
      for (const gridId of post.gridIds)
        for (const doc of wordDocs(post._id, gridId, 'leaflet', post.words, now)) await tx.insert('feedwords', doc)
    })
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err
    return loadPost(deps, post._id) // the same request ran before
  }
  return post
}

/** A change to a post and its feed entries in one write, retried on a concurrent change. */
export async function changePost(deps: Deps, postId: string, change: (p: FeedPostDoc) => FeedPostDoc) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await loadPost(deps, postId)
    const next = change(current)
    try {
      await deps.store.transaction(async (tx) => {
        await tx.replace('feedposts', next)
        await writeItems(tx, next, false)
      })
      return { ...next, version: next.version + 1 }
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  throw new AppError('CONFLICT', '操作太频繁，请稍后再试')
}

export function assertAuthor(post: FeedPostDoc, user: UserDoc): void {
  if (post.authorId !== user._id) throw forbidden('只能修改自己发布的内容')
  if (post.state !== 'live') throw validation('该通知已撤回', [])
}

/** Reading counts once per person: the read record and the count move together in one write. */
export async function markRead(
  deps: Deps,
  post: FeedPostDoc,
  user: UserDoc,
  via: 'app' | 'group' = 'app',
): Promise<FeedPostDoc> {
  const id = `${post._id}_${user._id}`
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) await backoff(attempt)
    if ((await deps.store.version('feedreads', id)) !== null) return attempt ? loadPost(deps, post._id) : post
    try {
      return await deps.store.transaction(async (tx) => {
        const current = FeedPostDocSchema.parse(await tx.get('feedposts', post._id))
        await tx.insert('feedreads', {
          _id: id,
          postId: post._id,
          userId: user._id,
          via,
          at: deps.clock.now(),
          version: 0,
        })
        const counted = {
          ...current,
          readCount: current.readCount + 1,
          groupReadCount: current.groupReadCount + (via === 'group' ? 1 : 0),
        }
        return FeedPostDocSchema.parse(await tx.replace('feedposts', counted))
      })
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  return loadPost(deps, post._id)
}

/** A grid's feed, pinned first then newest, 20 a page. */
export async function feedPage(deps: Deps, viewer: UserDoc, gridId: string, cursor: string | null) {
  const page = await deps.store.find('feeditems', {
    where: { gridId, live: true },
    orderBy: { field: 'sortKey', direction: 'desc' },
    limit: PAGE,
    cursor,
  })
  const posts = await Promise.all(page.items.map((item) => loadPost(deps, String(item.postId))))
  return { items: await Promise.all(posts.map((p) => presentPost(deps, p, viewer))), nextCursor: page.nextCursor }
}

/** The grid's residents who have not opened the post: name and address, to follow up in person. */
export async function unreadOf(deps: Deps, post: FeedPostDoc, gridId: string) {
  const members: { name: string; address: string; offline: boolean; userId: string | null }[] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.find('memberships', {
      where: { gridId, active: true },
      orderBy: { field: 'joinedAt', direction: 'desc' },
      limit: 100,
      cursor,
    })
    for (const raw of page.items) {
      const m = MembershipDocSchema.parse(raw)
      members.push({
        name: m.name,
        address: `${m.building}号楼${m.unit}单元${m.room}`,
        offline: m.offline,
        userId: m.userId,
      })
    }
    cursor = page.nextCursor
  } while (cursor)
  const unread = []
  for (const m of members) {
    const read = m.userId ? (await deps.store.version('feedreads', `${post._id}_${m.userId}`)) !== null : false
    if (!read) unread.push({ name: m.name, address: m.address, offline: m.offline })
  }
  return { items: unread.slice(0, 200), total: unread.length }
}

/** A 楼长 passed the notice on to their building: one mark per person, kept with their name. */
export async function relay(deps: Deps, post: FeedPostDoc, user: UserDoc): Promise<void> {
  const home = await activeMembershipOf(deps, user._id)
  const label = `楼长 ${user.realName ?? user.nickname}${home ? `（${home.building}号楼）` : ''}`
  try {
    await deps.store.insert('feedrelays', {
      _id: `${post._id}_${user._id}`,
      postId: post._id,
      userId: user._id,
      label,
      at: deps.clock.now(),
      version: 0,
    })
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err // marked before: once is enough
  }
}
