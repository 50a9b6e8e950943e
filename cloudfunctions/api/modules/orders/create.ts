/** Reporting: 随手拍 / 诉求 / 巡查 / 代办 → routed to a grid by location, else the nearest street's queue. */
import {
  CategoryDocSchema,
  MembershipDocSchema,
  OrderDocSchema,
  type ActionParsedInput,
  type CategoryDoc,
  type GridDoc,
  type LatLng,
  type OrderDoc,
  type TimelineDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { loadDepartment, loadGrid, locateGrid, routingGrids, streetIds } from '../places/load'
import { grantsOf } from '../places/can'
import { activeMembershipOf } from '../grids/repo'
import { gridPlace, SELF } from '../places/place'
import type { PlaceRule } from '../places/rules'
import { idFromRequest } from '../../codes'
import { addHours } from './deadlines'
import { distanceToGridMetres } from './geo'
import { categoriesOf, loadCategory } from './repo'
import { REPORT_QUOTA, takeSlot } from '../../quota'
import { FRESH_ORDER } from './fresh'
import { takeOrderNo } from './numbers'
import { cellOf } from './nearby'
import { backoff } from '../../store/update'
import { assertAttachable } from '../files/records'

type CreateInput = ActionParsedInput<'orders.create'>
const isStaffSource = (source: CreateInput['source']) => source === 'patrol' || source === 'proxy'

/** Who may file a staff report in a grid: 巡查 by its grid workers and the departments that entered it, 代办 by its
 * grid workers and building heads (a 楼长 for a neighbour of their own building, checked with the resident). */
export const FILERS = { patrol: ['grid_worker', 'department'], proxy: ['grid_worker', 'building_head'] } as const

/** A resident's or rider's report is their own; a 巡查 or 代办 is filed in a grid the caller works. */
export const createPlace: PlaceRule<CreateInput> = async (deps, input) => {
  if (!isStaffSource(input.source)) return SELF
  if (!input.gridId) throw validation('请选择网格', [{ path: 'gridId', message: '巡查和代办需要指定网格' }])
  return {
    ...gridPlace(await loadGrid(deps, input.gridId)),
    roles: input.source === 'patrol' ? FILERS.patrol : FILERS.proxy,
    refusal: input.source === 'patrol' ? '只能在自己负责或入格的网格登记巡查' : '只能为自己负责的网格或本楼住户代办',
  }
}

/** Photos attached to an order: the caller's own uploads, registered and not refused by the image check. */
export function checkPhotos(deps: Deps, user: UserDoc, photos: string[]): Promise<void> {
  return assertAttachable(deps, user._id, photos, 'photos')
}

/** The street whose nearest grid lies within the radius of a point outside every grid; a point further off is refused. */
async function nearestStreet(deps: Deps, at: LatLng): Promise<string> {
  let best: { streetId: string; metres: number } | null = null
  for (const streetId of await streetIds(deps)) {
    for (const grid of (await routingGrids(deps, streetId)).filter((g) => !g.archived && g.polygon.length >= 3)) {
      const metres = distanceToGridMetres(grid.polygon, at)
      if (!best || metres < best.metres) best = { streetId, metres }
    }
  }
  const radius = deps.settings.reportRadiusMetres
  if (!best || best.metres > radius) {
    const km = radius >= 1000 ? `${radius / 1000} 公里` : `${radius} 米`
    throw validation(`该位置不在服务范围内（距最近的网格超过 ${km}）`, [
      { path: 'location', message: '请在本街道范围内上报' },
    ])
  }
  return best.streetId
}

interface Route {
  grid: GridDoc | null
  streetId: string
}

/** Where a report lands: the staff's grid, the grid containing its point, the home grid (诉求), or a street queue. */
async function route(deps: Deps, user: UserDoc, input: CreateInput): Promise<Route> {
  if (isStaffSource(input.source)) {
    const grid = await loadGrid(deps, input.gridId ?? '')
    return { grid, streetId: grid.streetId }
  }
  if (input.source === 'snap' && !input.location)
    throw validation('随手拍需要位置信息', [{ path: 'location', message: '请允许定位，或在地图上选择位置' }])
  const located = input.location ? await locateGrid(deps, input.location) : null
  if (located) return { grid: located, streetId: located.streetId }
  if (input.source === 'demand' && user.homeGridId) {
    const home = await loadGrid(deps, user.homeGridId)
    return { grid: home, streetId: home.streetId }
  }
  if (!input.location) throw validation('请先加入网格，或提供位置', [{ path: 'location', message: '无法确定所在网格' }])
  return { grid: null, streetId: await nearestStreet(deps, input.location) }
}

/** Categories are a street's: a report is filed under its street's category of the chosen name. */
async function categoryIn(deps: Deps, categoryId: string, streetId: string): Promise<CategoryDoc> {
  const chosen = await loadCategory(deps, categoryId)
  const category =
    chosen.streetId === streetId ? chosen : (await categoriesOf(deps, streetId)).find((c) => c.name === chosen.name)
  if (!category) throw validation('该分类不适用于这个位置', [{ path: 'categoryId', message: '请重新选择分类' }])
  if (!category.active) throw validation('该分类已停用', [{ path: 'categoryId', message: '请选择其他分类' }])
  return CategoryDocSchema.parse(category)
}

/** How the filer appears on the timeline: by the role they filed with (网格员 / 部门 / 楼长). */
async function filerLabel(deps: Deps, user: UserDoc, grid: GridDoc | null): Promise<string> {
  const name = user.realName ?? user.nickname
  if (!grid || grid.workerIds.includes(user._id) || hasGrant(user, 'grid_worker', grid._id)) return `网格员 ${name}`
  const department = grantsOf(user, 'department').find(
    (g) => g.departmentId && grid.departmentIds.includes(g.departmentId),
  )
  if (department?.departmentId) return `${(await loadDepartment(deps, department.departmentId)).name} ${name}`
  return `楼长 ${name}`
}

const hasGrant = (user: UserDoc, role: 'grid_worker' | 'building_head', gridId: string) =>
  grantsOf(user, role).some((g) => (g.gridIds ?? []).includes(gridId))

/** 代办's resident: active in the grid; a 楼长 who is not also its grid worker files only for their own building. */
async function proxyResident(
  deps: Deps,
  user: UserDoc,
  input: CreateInput,
  gridId: string | null,
): Promise<string | null> {
  if (input.source !== 'proxy') return null
  const raw = input.onBehalfOf ? await deps.store.get('memberships', input.onBehalfOf) : null
  const member = raw ? MembershipDocSchema.parse(raw) : null
  if (!member || member.gridId !== gridId || !member.active)
    throw validation('请选择本网格的住户', [{ path: 'onBehalfOf', message: '代办需要选择本网格登记的住户' }])
  if (gridId && !hasGrant(user, 'grid_worker', gridId)) {
    const home = await activeMembershipOf(deps, user._id)
    if (!home || home.gridId !== gridId || home.building !== member.building)
      throw validation('楼长只能为本楼住户代办', [{ path: 'onBehalfOf', message: '请选择本楼的住户' }])
  }
  return member._id
}

async function checkContent(deps: Deps, user: UserDoc, openId: string, input: CreateInput): Promise<void> {
  if (input.text) {
    const verdict = await deps.contentCheck.text(input.text, openId)
    if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '描述中包含不适宜的内容，请修改后再提交')
  }
  await checkPhotos(deps, user, input.photos)
  if (!input.text && input.photos.length === 0)
    throw validation('请拍照或写一句描述', [{ path: 'text', message: '照片和描述至少填一项' }])
}

interface Draft {
  id: string
  now: number
  user: UserDoc
  input: CreateInput
  route: Route
  category: CategoryDoc
  onBehalfOf: string | null
}

function newOrder({ id, now, user, input, route: { grid, streetId }, category, onBehalfOf }: Draft): OrderDoc {
  const acceptDeadline = addHours(now, category.acceptHours)
  const tree = { streetId, communityId: grid?.communityId ?? null, gridId: grid?._id ?? null }
  return {
    _id: id,
    no: '', // taken from the street's counter when the order is written
    source: input.source,
    categoryId: category._id,
    filterKey: `${category._id}|${input.source}`,
    text: input.text,
    photos: input.photos,
    location: input.location ?? null,
    cell: cellOf(input.location),
    address: input.address,
    ...tree,
    ...FRESH_ORDER,
    reporterId: user._id,
    anonymous: input.anonymous,
    onBehalfOf,
    state: grid ? 'dispatched' : 'submitted',
    escalation: grid ? 'grid' : 'street',
    dueAt: acceptDeadline,
    acceptDeadline,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The order, its number and first timeline entries in one write; a re-run of the same request answers with that
 * order (and no timeline: the caller reads it). A fresh order comes with the entries written, so nothing is read back.
 */
async function insertOrder(
  deps: Deps,
  draft: OrderDoc,
  grid: GridDoc | null,
  user: UserDoc,
): Promise<{ order: OrderDoc; timeline: TimelineDoc[] | null }> {
  const entry = { orderId: draft._id, at: draft.createdAt, photos: [] as string[], staffOnly: false, version: 0 }
  const reporterLabel = isStaffSource(draft.source) ? await filerLabel(deps, user, grid) : '上报人'
  const timeline: TimelineDoc[] = [
    {
      ...entry,
      _id: `${draft._id}_t0`,
      seq: 0,
      actorId: user._id,
      actorLabel: reporterLabel,
      type: 'submitted',
      note: draft.text,
      photos: draft.photos,
    },
  ]
  if (grid) {
    const note = `按位置自动派至${grid.name}`
    timeline.push({
      ...entry,
      _id: `${draft._id}_t1`,
      seq: 1,
      actorId: null,
      actorLabel: '系统',
      type: 'dispatched',
      note,
    })
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const order = await deps.store.transaction(async (tx) => {
        const numbered = { ...draft, no: await takeOrderNo(tx, draft.streetId, draft.createdAt) }
        await tx.insert('orders', numbered)
        for (const t of timeline) await tx.insert('timeline', t)
        return numbered
      })
      return { order, timeline }
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
      const raw = await deps.store.get('orders', draft._id)
      if (raw) return { order: OrderDocSchema.parse(raw), timeline: null }
      // Another order took the same number first: take the next one.
      if (attempt >= 20) throw err
      await backoff(attempt + 1)
    }
  }
}

export async function createOrder(
  deps: Deps,
  user: UserDoc,
  openId: string,
  requestId: string | null,
  input: CreateInput,
): Promise<{ order: OrderDoc; timeline: TimelineDoc[] | null }> {
  const where = await route(deps, user, input)
  const category = await categoryIn(deps, input.categoryId, where.streetId)
  const onBehalfOf = await proxyResident(deps, user, input, where.grid?._id ?? null)
  await checkContent(deps, user, openId, input)
  const release = isStaffSource(input.source) ? null : await takeSlot(deps, REPORT_QUOTA, user._id)
  const now = deps.clock.now()
  const id = idFromRequest('od', user._id, requestId ?? `${now}`)
  const order = newOrder({ id, now, user, input, route: where, category, onBehalfOf })
  try {
    const saved = await insertOrder(deps, order, where.grid, user)
    if (!saved.timeline && release) await release() // the same request ran before and took its own slot
    return saved
  } catch (err) {
    if (release) await release()
    throw err
  }
}
