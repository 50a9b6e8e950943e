/** Posting: a resident in their home grid, staff in a grid they work; 寻人 is staff's and always street-wide. */
import {
  LOST_KIND_LABELS,
  LostPostDocSchema,
  POSTS_PER_DAY,
  maskSensitiveText,
  type ActionParsedInput,
  type GridDoc,
  type LostPostDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, validation } from '../../errors'
import { idFromRequest } from '../../codes'
import { StoreConflictError } from '../../store/port'
import { takeSlot, type Quota } from '../../quota'
import { assertAttachable } from '../files/records'
import { loadGrid, loadUsers } from '../places/load'
import { gridPlace, SELF } from '../places/place'
import type { PlaceRule } from '../places/rules'
import { LOST_STAFF } from './access'
import { insertPost } from './repo'
import { expiryOf } from './rules'
import { wordsOf } from './words'
import { matchesOf } from './match'
import { canSeePost } from './access'

type CreateInput = ActionParsedInput<'lostfound.create'>
const DAY = 24 * 60 * 60 * 1000

const POST_QUOTA: Quota = {
  key: 'lostpost',
  limit: POSTS_PER_DAY,
  windowMs: DAY,
  refusal: (wait) => `每人每天最多发布 ${POSTS_PER_DAY} 条启事，请 ${wait}后再试`,
}

/** A resident posts in their home grid (their own thing); staff name a grid they work, with a staff role. */
export const createPlace: PlaceRule<CreateInput> = async (deps, input) => {
  if (!input.gridId) {
    if (input.kind === 'person')
      throw validation('请选择网格', [{ path: 'gridId', message: '寻人启事由网格工作人员发布，请选择网格' }])
    return SELF
  }
  return {
    ...gridPlace(await loadGrid(deps, input.gridId)),
    roles: LOST_STAFF,
    refusal: '只能在自己负责的网格发布',
  }
}

async function gridOf(deps: Deps, user: UserDoc, input: CreateInput): Promise<GridDoc> {
  if (input.gridId) return loadGrid(deps, input.gridId)
  if (!user.homeGridId)
    throw validation('请先加入网格再发布', [{ path: 'gridId', message: '扫描网格二维码加入后，启事会发布在您的网格' }])
  return loadGrid(deps, user.homeGridId)
}

async function checkInput(deps: Deps, user: UserDoc, openId: string, input: CreateInput): Promise<void> {
  const now = deps.clock.now()
  if (input.happenedAt > now + 60 * 60 * 1000)
    throw validation('时间不能晚于现在', [{ path: 'happenedAt', message: '请选择已经发生的时间' }])
  if (input.happenedAt < now - 365 * DAY)
    throw validation('时间不能早于一年前', [{ path: 'happenedAt', message: '请选择一年以内的时间' }])
  if (input.question && input.kind !== 'found')
    throw validation('只有失物招领可以设置认领问题', [{ path: 'question', message: '请清空认领问题' }])
  const words = [input.title, input.text, input.question, input.place].filter(Boolean).join('\n')
  const verdict = await deps.contentCheck.text(words, openId)
  if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '内容中包含不适宜的信息，请修改后再发布')
  await assertAttachable(deps, user._id, input.photos, 'photos')
}

function posterLabel(user: UserDoc, byStaff: boolean): string {
  if (byStaff) return `网格工作人员 ${user.realName ?? user.nickname}`
  const name = user.nickname
  return `居民 ${name.slice(0, 1)}${name.length > 1 ? '**' : ''}`
}

function newPost(id: string, user: UserDoc, input: CreateInput, grid: GridDoc, now: number): LostPostDoc {
  const byStaff = input.gridId !== undefined
  const publicTitle = maskSensitiveText(input.title)
  const publicText = maskSensitiveText(input.text)
  const category = input.kind === 'person' ? 'other' : input.category
  return {
    _id: id,
    kind: input.kind,
    category,
    title: input.title,
    text: input.text,
    publicTitle,
    publicText,
    question: input.question,
    place: maskSensitiveText(input.place),
    location: input.location ?? null,
    happenedAt: input.happenedAt,
    photos: input.photos,
    streetId: grid.streetId,
    communityId: grid.communityId,
    gridId: grid._id,
    wide: input.kind === 'person' ? true : input.wide,
    ownerId: user._id,
    byStaff,
    posterLabel: posterLabel(user, byStaff),
    state: 'open',
    closeReason: '',
    returnedBy: null,
    returnedAt: null,
    expiresAt: expiryOf(input, now),
    filterKey: `${input.kind}|${category}`,
    words: wordsOf(publicTitle, publicText, category),
    claimCount: 0,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
}

/** A new 失物招领 tells the posters of matching 寻物启事 who may see it; a re-run of the request tells no one twice. */
async function tellLosers(deps: Deps, found: LostPostDoc): Promise<void> {
  if (found.kind !== 'found') return
  for (const lost of await matchesOf(deps, found)) {
    const [owner] = await loadUsers(deps, [lost.ownerId])
    if (!owner || !(await canSeePost(deps, owner, found))) continue
    await deps.notify.send({
      userId: owner._id,
      openId: owner.openId,
      title: '有人捡到了可能是您丢失的物品',
      body: `与您的寻物启事「${lost.publicTitle}」相似：${found.publicTitle}。请查看并认领。`,
      link: `/packages/lostfound/pages/detail/index?id=${found._id}`,
    })
  }
}

export async function createPost(
  deps: Deps,
  user: UserDoc,
  openId: string,
  requestId: string | null,
  input: CreateInput,
): Promise<LostPostDoc> {
  const id = idFromRequest('lp', user._id, requestId ?? deps.ids.next('lp'))
  const existing = await deps.store.get('lostposts', id)
  if (existing) return LostPostDocSchema.parse(existing)
  const grid = await gridOf(deps, user, input)
  if (grid.archived) throw validation('该网格已停用', [{ path: 'gridId', message: '请选择其他网格' }])
  await checkInput(deps, user, openId, input)
  const release = await takeSlot(deps, POST_QUOTA, user._id)
  const post = newPost(id, user, input, grid, deps.clock.now())
  try {
    await deps.store.transaction((tx) => insertPost(tx, post))
  } catch (err) {
    await release()
    if (!(err instanceof StoreConflictError)) throw err
    const raced = await deps.store.get('lostposts', id)
    if (raced) return LostPostDocSchema.parse(raced)
    throw err
  }
  await tellLosers(deps, post)
  return post
}

export const kindLabel = (post: LostPostDoc) => LOST_KIND_LABELS[post.kind]
