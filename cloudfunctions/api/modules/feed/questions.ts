/**
 * Questions (问答): a resident asks in their grid; its workers and the departments that entered it reply in the
 * thread; the asker marks it answered; staff may turn it into a work order the asker then follows; questions
 * nobody on staff answered are flagged to the grid's workers after a day and to the community admins after two.
 */
import {
  MembershipDocSchema,
  QUESTIONS_PER_DAY,
  QuestionDocSchema,
  ReplyDocSchema,
  maskSensitiveText,
  type ActionParsedInput,
  type GridDoc,
  type QuestionDoc,
  type QuestionView,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, notFound, validation } from '../../errors'
import { StoreConflictError, type TxHandle, type Where } from '../../store/port'
import { backoff } from '../../store/update'
import { idFromRequest } from '../../codes'
import { takeSlot, type Quota } from '../../quota'
import { assertAttachable } from '../files/records'
import { grantsOf, mayAct } from '../places/can'
import { loadGrid, loadUsers } from '../places/load'
import { gridPlace, type ScopedPlace } from '../places/place'
import { textWords } from '../lostfound/words'
import { wordDocs } from './words'
import { activeMembershipOf } from '../grids/repo'
import { createOrder } from '../orders/create'
import { notifyStep } from '../orders/notify'
import { loadPost } from './posts'

const PAGE = 20
const HOUR = 60 * 60 * 1000
export const QUESTION_STAFF = ['grid_worker', 'department', 'community_admin', 'street_admin'] as const

export const QUESTION_QUOTA: Quota = {
  key: 'question',
  limit: QUESTIONS_PER_DAY,
  windowMs: 24 * HOUR,
  refusal: (wait) => `每人每天最多提问 ${QUESTIONS_PER_DAY} 次，请 ${wait}后再试`,
}

export async function loadQuestion(deps: Deps, questionId: string): Promise<QuestionDoc> {
  const raw = await deps.store.get('questions', questionId)
  if (!raw) throw notFound('该问题不存在')
  return QuestionDocSchema.parse(raw)
}

/** A question's place: its grid, where the asker, its members and its staff may read it. */
export async function questionPlace(deps: Deps, q: QuestionDoc): Promise<ScopedPlace> {
  return { ...gridPlace(await loadGrid(deps, q.gridId)), membersOfGrid: true, partyIds: [q.askerId], hidden: true }
}

const isStaffOf = (user: UserDoc, grid: GridDoc) => mayAct(user, QUESTION_STAFF, gridPlace(grid))

const label = (user: UserDoc | undefined) => {
  const name = user?.nickname ?? '居民'
  return `居民 ${name.slice(0, 1)}${name.length > 1 ? '**' : ''}`
}

function staffLabel(user: UserDoc, grid: GridDoc, departmentName: string | null): string {
  const name = user.realName ?? user.nickname
  if (grid.workerIds.includes(user._id)) return `网格员 ${name}`
  if (departmentName) return `${departmentName} ${name}`
  return grantsOf(user, 'street_admin').length ? `街道 ${name}` : `社区 ${name}`
}

/** A question as this viewer reads it; lists leave the thread out (`thread: false`), so they read no replies. */
export async function presentQuestion(
  deps: Deps,
  q: QuestionDoc,
  viewer: UserDoc,
  { thread = true }: { thread?: boolean } = {},
): Promise<QuestionView> {
  const grid = await loadGrid(deps, q.gridId)
  const mine = q.askerId === viewer._id
  const staff = isStaffOf(viewer, grid)
  const [asker] = await loadUsers(deps, [q.askerId])
  const page = thread
    ? await deps.store.find('replies', {
        where: { questionId: q._id },
        orderBy: { field: 'createdAt', direction: 'asc' },
        limit: 100,
      })
    : { items: [] }
  const replies = await Promise.all(
    page.items.map(async (raw) => {
      const r = ReplyDocSchema.parse(raw)
      const leaflet = r.leafletId ? await loadPost(deps, r.leafletId).catch(() => null) : null
      return {
        id: r._id,
        authorLabel: r.authorLabel,
        staff: r.staff,
        text: r.authorId === viewer._id ? r.text : maskSensitiveText(r.text),
        leaflet: leaflet && leaflet.state === 'live' ? { id: leaflet._id, title: leaflet.title } : null,
        createdAt: r.createdAt,
      }
    }),
  )
  const open = q.state === 'open'
  return {
    id: q._id,
    gridId: q.gridId,
    gridName: grid.name,
    askerLabel: `${mine ? '我' : q.onBehalfName ? `楼长 ${asker?.nickname ?? ''}` : label(asker)}${q.onBehalfName ? ` 代 ${q.onBehalfName.slice(0, 1)}** 提问` : ''}`,
    mine,
    text: mine ? q.text : q.publicText,
    photoUrls: (await Promise.all(q.photos.map((id) => deps.files.url(id)))).flatMap((u) => (u ? [u] : [])),
    answered: !open,
    staffReplied: q.staffReplied,
    replyCount: q.replyCount,
    orderId: mine || staff ? q.orderId : null,
    createdAt: q.createdAt,
    replies,
    can: [
      ...((staff || mine) && open ? (['reply'] as const) : []),
      ...(mine && open ? (['answered'] as const) : []),
      ...(staff && !q.orderId ? (['toOrder'] as const) : []),
    ],
  }
}

type AskInput = ActionParsedInput<'questions.ask'>

/** A question in the asker's home grid, with its search words; 20 a day; the same request asks once. */
/** A 楼长's neighbour: an active resident of the same building of the grid they head and live in. */
async function neighbourOf(deps: Deps, user: UserDoc, membershipId: string): Promise<string> {
  const home = await activeMembershipOf(deps, user._id)
  const raw = await deps.store.get('memberships', membershipId)
  const member = raw ? MembershipDocSchema.parse(raw) : null
  const heads = grantsOf(user, 'building_head').some((g) => home && (g.gridIds ?? []).includes(home.gridId))
  if (
    !heads ||
    !home ||
    !member ||
    !member.active ||
    member.gridId !== home.gridId ||
    member.building !== home.building
  )
    throw validation('只能替本楼的邻居提问', [{ path: 'onBehalfOf', message: '请选择本楼登记的住户' }])
  return member.name
}

export async function ask(deps: Deps, user: UserDoc, openId: string, requestId: string | null, input: AskInput) {
  if (!user.homeGridId)
    throw validation('请先加入网格再提问', [{ path: 'text', message: '扫网格二维码加入后即可提问' }])
  const grid = await loadGrid(deps, user.homeGridId)
  const onBehalfName = input.onBehalfOf ? await neighbourOf(deps, user, input.onBehalfOf) : null
  const verdict = await deps.contentCheck.text(input.text, openId)
  if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '问题中包含不适宜的内容，请修改后再提交')
  await assertAttachable(deps, user._id, input.photos, 'photos')
  const now = deps.clock.now()
  const id = idFromRequest('qs', user._id, requestId ?? `${now}`)
  const existing = await deps.store.get('questions', id)
  if (existing) return QuestionDocSchema.parse(existing)
  const release = await takeSlot(deps, QUESTION_QUOTA, user._id)
  const publicText = maskSensitiveText(input.text)
  const q: QuestionDoc = {
    _id: id,
    gridId: grid._id,
    communityId: grid.communityId,
    streetId: grid.streetId,
    askerId: user._id,
    text: input.text,
    publicText,
    photos: input.photos,
    state: 'open',
    staffReplied: false,
    replyCount: 0,
    flagged: 0,
    orderId: null,
    onBehalfName,
    words: [...new Set(textWords(publicText))].slice(0, 40),
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  try {
    await deps.store.transaction(async (tx) => {
      await tx.insert('questions', q)
      for (const doc of wordDocs(q._id, grid._id, 'question', q.words, now)) await tx.insert('feedwords', doc)
    })
  } catch (err) {
    await release()
    if (err instanceof StoreConflictError) return loadQuestion(deps, id)
    throw err
  }
  return q
}

/** A change to a question, retried on a concurrent change; `also` writes in the same transaction. */
export async function changeQuestion(
  deps: Deps,
  id: string,
  change: (q: QuestionDoc) => QuestionDoc,
  also?: (tx: TxHandle, q: QuestionDoc) => Promise<void>,
): Promise<QuestionDoc> {
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) await backoff(attempt)
    const next = change(await loadQuestion(deps, id))
    try {
      return await deps.store.transaction(async (tx) => {
        const saved = QuestionDocSchema.parse(await tx.replace('questions', next))
        if (also) await also(tx, saved)
        return saved
      })
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  throw new AppError('CONFLICT', '操作太频繁，请稍后再试')
}

type ReplyInput = ActionParsedInput<'questions.reply'>

export async function reply(deps: Deps, user: UserDoc, openId: string, requestId: string | null, input: ReplyInput) {
  const q = await loadQuestion(deps, input.questionId)
  const grid = await loadGrid(deps, q.gridId)
  const staff = isStaffOf(user, grid)
  if (!staff && user._id !== q.askerId) throw new AppError('FORBIDDEN', '只有网格工作人员和提问人可以回复')
  if (q.state !== 'open') throw validation('该问题已解决', [{ path: 'text', message: '已解决的问题不能再回复' }])
  const verdict = await deps.contentCheck.text(input.text, openId)
  if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '回复中包含不适宜的内容，请修改后再发送')
  if (input.leafletId) {
    const leaflet = await loadPost(deps, input.leafletId)
    if (leaflet.kind !== 'leaflet' || leaflet.state !== 'live' || !leaflet.gridIds.includes(q.gridId))
      throw validation('请选择本网格的明白纸', [{ path: 'leafletId', message: '该明白纸不在本网格' }])
  }
  const department = grantsOf(user, 'department').find(
    (g) => g.departmentId && grid.departmentIds.includes(g.departmentId),
  )
  const departmentName = department?.departmentId
    ? String((await deps.store.get('departments', department.departmentId))?.name ?? '')
    : null
  const now = deps.clock.now()
  const replyId = idFromRequest('rp', user._id, requestId ?? `${now}`)
  if (await deps.store.get('replies', replyId)) return q
  const saved = await changeQuestion(
    deps,
    q._id,
    (current) => ({
      ...current,
      replyCount: current.replyCount + 1,
      staffReplied: current.staffReplied || staff,
      updatedAt: now,
    }),
    async (tx) =>
      tx.insert('replies', {
        _id: replyId,
        questionId: q._id,
        authorId: user._id,
        authorLabel: staff
          ? staffLabel(user, grid, departmentName || null)
          : user._id === q.askerId
            ? '提问人'
            : '居民',
        staff,
        text: input.text,
        leafletId: input.leafletId,
        createdAt: now,
        version: 0,
      }),
  )
  if (staff && user._id !== q.askerId) {
    const [asker] = await loadUsers(deps, [q.askerId])
    if (asker)
      await deps.notify.send({
        userId: asker._id,
        openId: asker.openId,
        title: '您的提问有了新回复',
        body: maskSensitiveText(input.text).slice(0, 60),
        link: `/packages/feed/pages/question/index?id=${q._id}`,
      })
  }
  return saved
}

export function markAnswered(deps: Deps, user: UserDoc, questionId: string) {
  return changeQuestion(deps, questionId, (q) => {
    if (q.askerId !== user._id) throw new AppError('FORBIDDEN', '只有提问人可以标记已解决')
    return q.state === 'answered' ? q : { ...q, state: 'answered', updatedAt: deps.clock.now() }
  })
}

type ToOrderInput = ActionParsedInput<'questions.toOrder'>

/** One work order per question (its id comes from the question), reported in the asker's name, linked both ways. */
export async function toOrder(deps: Deps, staff: UserDoc, input: ToOrderInput): Promise<QuestionDoc> {
  const q = await loadQuestion(deps, input.questionId)
  if (q.orderId) return q
  const [asker] = await loadUsers(deps, [q.askerId])
  if (!asker) throw notFound('提问人已注销，无法转为工单')
  if (asker.homeGridId !== q.gridId)
    throw validation('提问人已不在本网格', [{ path: 'questionId', message: '请在提问人现在的网格登记' }])
  const { order } = await createOrder(deps, asker, asker.openId, `question_${q._id}`, {
    source: 'demand',
    categoryId: input.categoryId,
    text: q.text,
    photos: q.photos,
    location: input.location,
    address: input.address,
    anonymous: false,
  })
  const saved = await changeQuestion(deps, q._id, (current) => ({
    ...current,
    orderId: order._id,
    updatedAt: deps.clock.now(),
  }))
  await notifyStep(deps, order, 'dispatched', `由问答转为工单：${q.publicText.slice(0, 40)}`, staff._id)
  return saved
}

/** A grid's questions: all, 待回复 (open with no staff reply), or the caller's own. */
export async function questionPage(deps: Deps, viewer: UserDoc, input: ActionParsedInput<'questions.list'>) {
  const where: Where =
    input.which === 'mine'
      ? { askerId: viewer._id }
      : input.which === 'pending'
        ? { gridId: input.gridId, state: 'open', staffReplied: false }
        : { gridId: input.gridId }
  const page = await deps.store.find('questions', {
    where,
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: PAGE,
    cursor: input.cursor ?? null,
  })
  const items = await Promise.all(
    page.items.map((raw) => presentQuestion(deps, QuestionDocSchema.parse(raw), viewer, { thread: false })),
  )
  return { items, nextCursor: page.nextCursor }
}
