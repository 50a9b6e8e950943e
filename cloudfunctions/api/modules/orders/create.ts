/** Reporting: 随手拍 / 诉求 / 巡查 / 代办 → routed to a grid by location, else the street's queue. */
import {
  MembershipDocSchema,
  OrderDocSchema,
  type ActionParsedInput,
  type OrderDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, forbidden, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { loadGrid, locateGrid, streetIds } from '../grids/repo'
import { isGridWorker } from '../grids/scope'
import { idFromRequest } from '../grids/codes'
import { addHours } from './deadlines'
import { loadCategory } from './repo'
import { takeReportSlot } from './quota'

type CreateInput = ActionParsedInput<'orders.create'>

export async function checkPhotos(deps: Deps, user: UserDoc, photos: string[]): Promise<void> {
  for (const [i, id] of photos.entries()) {
    const owned = deps.files.isOwnedBy(id, user._id)
    const known = !id.startsWith('local:') || (await deps.store.get('files', id)) !== null
    if (!owned || !known)
      throw validation('照片无效，请重新上传', [{ path: `photos.${i}`, message: '只能使用自己刚上传的照片' }])
  }
}

function orderNo(now: number, id: string): string {
  const d = new Date(now + 8 * 3600 * 1000)
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
  const tail = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000, 7)
  return `${ymd}-${String(tail).padStart(6, '0')}`
}

export async function createOrder(
  deps: Deps,
  user: UserDoc,
  openId: string,
  requestId: string | null,
  input: CreateInput,
): Promise<OrderDoc> {
  const category = await loadCategory(deps, input.categoryId)
  if (!category.active) throw validation('该分类已停用', [{ path: 'categoryId', message: '请选择其他分类' }])
  const staffSource = input.source === 'patrol' || input.source === 'proxy'
  if (input.source === 'snap' && !input.location)
    throw validation('随手拍需要位置信息', [{ path: 'location', message: '请允许定位，或在地图上选择位置' }])
  let grid = input.location ? await locateGrid(deps, input.location) : null
  if (staffSource) {
    if (!input.gridId) throw validation('请选择网格', [{ path: 'gridId', message: '巡查和代办需要指定网格' }])
    grid = await loadGrid(deps, input.gridId)
    if (!isGridWorker(user, grid._id)) throw forbidden('只能为自己负责的网格登记')
  } else if (!grid && input.source === 'demand' && user.homeGridId) {
    grid = await loadGrid(deps, user.homeGridId)
  }
  const gridId = grid?._id ?? null
  let onBehalfOf: string | null = null
  if (input.source === 'proxy') {
    const raw = input.onBehalfOf ? await deps.store.get('memberships', input.onBehalfOf) : null
    const member = raw ? MembershipDocSchema.parse(raw) : null
    if (!member || member.gridId !== gridId || !member.active)
      throw validation('请选择本网格的住户', [{ path: 'onBehalfOf', message: '代办需要选择本网格登记的住户' }])
    onBehalfOf = member._id
  }
  if (!gridId && input.source === 'demand')
    throw validation('请先加入网格，或提供位置', [{ path: 'location', message: '无法确定所在网格' }])
  const streetId =
    grid?.streetId ?? (user.homeGridId ? (await loadGrid(deps, user.homeGridId)).streetId : (await streetIds(deps))[0])
  if (!streetId) throw validation('该位置不在服务范围内', [{ path: 'location', message: '不在任何街道范围内' }])

  if (input.text) {
    const verdict = await deps.contentCheck.text(input.text, openId)
    if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '描述中包含不适宜的内容，请修改后再提交')
  }
  await checkPhotos(deps, user, input.photos)
  if (!input.text && input.photos.length === 0)
    throw validation('请拍照或写一句描述', [{ path: 'text', message: '照片和描述至少填一项' }])

  const release = staffSource ? null : await takeReportSlot(deps, user._id)
  const now = deps.clock.now()
  const id = idFromRequest('od', user._id, requestId ?? `${now}`)
  const acceptDeadline = addHours(now, category.acceptHours)
  const order: OrderDoc = {
    _id: id,
    no: orderNo(now, id),
    source: input.source,
    categoryId: category._id,
    text: input.text,
    photos: input.photos,
    location: input.location ?? null,
    address: input.address,
    streetId,
    communityId: grid?.communityId ?? null,
    gridId,
    departmentId: null,
    jointDepartmentIds: [],
    reporterId: user._id,
    anonymous: input.anonymous,
    onBehalfOf,
    followerIds: [],
    repeatCount: 0,
    state: gridId ? 'dispatched' : 'submitted',
    handlerId: null,
    escalation: gridId ? 'grid' : 'street',
    supervised: false,
    joint: null,
    dueAt: acceptDeadline,
    acceptDeadline,
    resolveDeadline: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    ratingComment: '',
    autoClosed: false,
    reopenCount: 0,
    unsatisfiedCount: 0,
    mergedInto: null,
    rejectReason: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  try {
    await deps.store.transaction(async (tx) => {
      await tx.insert('orders', order)
      await tx.insert('timeline', {
        _id: `${id}_t0`,
        orderId: id,
        at: now,
        seq: 0,
        actorId: user._id,
        actorLabel: staffSource ? `网格员 ${user.realName ?? user.nickname}` : '上报人',
        type: 'submitted',
        note: input.text,
        photos: input.photos,
        staffOnly: false,
        version: 0,
      })
      if (gridId)
        await tx.insert('timeline', {
          _id: `${id}_t1`,
          orderId: id,
          at: now,
          seq: 1,
          actorId: null,
          actorLabel: '系统',
          type: 'dispatched',
          note: `按位置自动派至${grid?.name ?? '网格'}`,
          photos: [],
          staffOnly: false,
          version: 0,
        })
    })
  } catch (err) {
    if (release) await release()
    if (err instanceof StoreConflictError) {
      // The same request ran before (crash between write and replay record): answer with that order.
      const raw = await deps.store.get('orders', id)
      if (raw) return OrderDocSchema.parse(raw)
    }
    throw err
  }
  return order
}
