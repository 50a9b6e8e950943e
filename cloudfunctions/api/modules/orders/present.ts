/**
 * What leaves the function about an order, per viewer: the reporter reads their own words; staff in
 * scope read them with numbers masked (and may reveal one, audited); followers get the public view.
 */
import type { z } from 'zod'
import {
  findSensitiveNumbers,
  MembershipDocSchema,
  maskSensitiveText,
  OPEN_STATES,
  ORDER_EVENTS,
  OrderDocSchema,
  type HiddenNumber,
  type LatLng,
  type OrderDetail,
  type OrderDoc,
  type OrderSummary,
  type TimelineDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { describePoint } from '../places/words'
import { loadUsers } from '../places/load'
import { actorFor, isStaffViewer } from './access'
import { RULES, type EventType } from './transition'
import { FAR_FUTURE } from './deadlines'
import { timelineOf } from './repo'
import { cachedRead } from '../../read-cache'

/** What a list item is built from: the fields a summary shows and the order's place, parsed without the rest. */
export const ListedOrderSchema = OrderDocSchema.pick({
  _id: true,
  no: true,
  categoryId: true,
  text: true,
  state: true,
  streetId: true,
  communityId: true,
  gridId: true,
  departmentId: true,
  jointDepartmentIds: true,
  reporterId: true,
  followerIds: true,
  onBehalfOf: true,
  onBehalfUserId: true,
  dueAt: true,
  supervised: true,
  joint: true,
  repeatCount: true,
  photos: true,
  createdAt: true,
})
export type ListedOrder = z.infer<typeof ListedOrderSchema>

type Named = 'grids' | 'categories' | 'departments'
/** Names for one call: each grid, category and department a page shows is looked up once, before any item. */
export type Names = (collection: Named, id: string | null) => string | null

/** Reads the names of what `orders` name (plus `departmentIds`), each distinct document once. */
export async function namesFor(
  deps: Deps,
  orders: ListedOrder[],
  departmentIds: readonly string[] = [],
): Promise<Names> {
  const wanted = new Map<string, [Named, string]>()
  const want = (collection: Named, id: string | null) => {
    if (id) wanted.set(`${collection}/${id}`, [collection, id])
  }
  for (const o of orders) {
    want('categories', o.categoryId)
    want('grids', o.gridId)
    want('departments', o.departmentId)
  }
  for (const id of departmentIds) want('departments', id)
  const found = new Map<string, string | null>()
  await Promise.all(
    [...wanted].map(async ([key, [collection, id]]) => {
      const name = await cachedRead(deps, `name:${key}`, [collection], async () => {
        const doc = await deps.store.get(collection, id)
        return doc && typeof doc.name === 'string' ? doc.name : null
      })
      found.set(key, name)
    }),
  )
  return (collection, id) => (id ? (found.get(`${collection}/${id}`) ?? null) : null)
}

const isOpen = (o: ListedOrder) => OPEN_STATES.includes(o.state)

/** 代办: the offline resident an order was filed for, as staff in scope see them (name, building, unit, room). */
async function residentOf(deps: Deps, membershipId: string | null): Promise<OrderSummary['onBehalf']> {
  const raw = membershipId ? await deps.store.get('memberships', membershipId) : null
  if (!raw) return null
  const m = MembershipDocSchema.parse(raw)
  return { name: m.name, address: `${m.building}号楼${m.unit}单元${m.room}` }
}

/** Text as `viewer` may read it: its author in full, anyone else with phone, ID and card numbers masked. */
const readable = (text: string, authorId: string | null, viewerId: string) =>
  authorId !== null && authorId === viewerId ? text : maskSensitiveText(text)

type Extras = Pick<OrderSummary, 'photoUrl' | 'onBehalf'>
const NO_EXTRAS: Extras = { photoUrl: null, onBehalf: null }

/** The parts of a summary that need a read of their own: only orders with a photo or a 代办 resident pay for one. */
async function extrasOf(deps: Deps, order: ListedOrder, staff: boolean): Promise<Extras> {
  const [photoUrl, onBehalf] = await Promise.all([
    order.photos[0] ? deps.files.url(order.photos[0]) : null,
    staff && order.onBehalfOf ? residentOf(deps, order.onBehalfOf) : null,
  ])
  return { photoUrl, onBehalf }
}

/** Summaries of `orders` for `viewer`, names read once for the whole list. */
export async function presentSummaries(deps: Deps, orders: ListedOrder[], viewer: UserDoc): Promise<OrderSummary[]> {
  const extras = new Map<string, Extras>()
  const reads = orders.flatMap((o) => {
    const resident = o.onBehalfOf !== null && isStaffViewer(viewer, o)
    return o.photos.length || resident ? [extrasOf(deps, o, resident).then((e) => extras.set(o._id, e))] : []
  })
  const [names] = await Promise.all([namesFor(deps, orders), ...reads])
  const now = deps.clock.now()
  return orders.map((o) => summaryOf(o, viewer, names, extras.get(o._id) ?? NO_EXTRAS, now))
}

function summaryOf(order: ListedOrder, viewer: UserDoc, names: Names, extras: Extras, now: number): OrderSummary {
  return {
    id: order._id,
    no: order.no,
    categoryId: order.categoryId,
    categoryName: names('categories', order.categoryId) ?? '其他',
    text: readable(order.text, order.reporterId, viewer._id),
    state: order.state,
    gridName: names('grids', order.gridId),
    departmentName: names('departments', order.departmentId),
    dueAt: order.dueAt >= FAR_FUTURE ? null : order.dueAt,
    overdue: isOpen(order) && order.dueAt < now,
    supervised: order.supervised,
    joint: order.joint,
    repeatCount: order.repeatCount,
    photoUrl: extras.photoUrl,
    onBehalf: extras.onBehalf,
    createdAt: order.createdAt,
  }
}

/** The events this viewer may cause now, so the page shows only buttons that work. */
export function allowedEvents(user: UserDoc, order: OrderDoc): OrderDetail['can'] {
  const actor = actorFor(user, order)
  return ORDER_EVENTS.filter((e) => {
    const rule = RULES[e as EventType]
    return rule.from.includes(order.state) && rule.by.some((k) => actor.kinds.has(k)) && !rule.unless?.(order, actor)
  })
}

/** Who wrote the reject reason: the actor of the last 退回 in the timeline. */
const rejecterOf = (timeline: TimelineDoc[]) =>
  [...timeline].reverse().find((t) => t.type === 'rejected')?.actorId ?? null

/** The author of each free-text field: the reporter wrote the text, address and rating; the rejecter the reason. */
function textFields(order: OrderDoc, timeline: TimelineDoc[]) {
  const rejecter = rejecterOf(timeline)
  const fields: { field: HiddenNumber['field']; entryId: string | null; text: string; authorId: string | null }[] = [
    { field: 'text', entryId: null, text: order.text, authorId: order.reporterId },
    { field: 'address', entryId: null, text: order.address, authorId: order.reporterId },
    { field: 'ratingComment', entryId: null, text: order.ratingComment, authorId: order.reporterId },
    { field: 'rejectReason', entryId: null, text: order.rejectReason ?? '', authorId: rejecter },
  ]
  for (const t of timeline) fields.push({ field: 'timeline', entryId: t._id, text: t.note, authorId: t.actorId })
  return fields
}

/** The raw text of one field, for a reveal. */
export function fieldText(
  order: OrderDoc,
  timeline: TimelineDoc[],
  field: HiddenNumber['field'],
  entryId: string | null,
) {
  return textFields(order, timeline).find(
    (f) => f.field === field && f.entryId === (field === 'timeline' ? entryId : null),
  )
}

/** Numbers masked for this staff viewer that they may reveal: each number once, from a field they did not write. */
function hiddenNumbers(order: OrderDoc, timeline: TimelineDoc[], viewer: UserDoc): HiddenNumber[] {
  const seen = new Set<string>()
  return textFields(order, timeline).flatMap(({ field, entryId, text, authorId }) =>
    authorId === viewer._id
      ? []
      : findSensitiveNumbers(text).flatMap((span, index) => {
          if (seen.has(span.value)) return []
          seen.add(span.value)
          return [{ field, entryId, index, masked: span.masked }]
        }),
  )
}

/** About 100 m: enough for a follower to know the place, not the doorway. */
const approximate = (at: LatLng | null): LatLng | null =>
  at ? { lat: Math.round(at.lat * 1000) / 1000, lng: Math.round(at.lng * 1000) / 1000 } : null

const photoUrls = (deps: Deps) => async (ids: string[]) =>
  (await Promise.all(ids.map((id) => deps.files.url(id)))).flatMap((u) => (u ? [u] : []))

/** The timeline as this viewer reads it: staff notes only for staff; followers see after-photos, not the reporter's. */
function timelineFor(
  timeline: TimelineDoc[],
  viewer: UserDoc,
  staff: boolean,
  insider: boolean,
  urls: (ids: string[]) => Promise<string[]>,
) {
  return Promise.all(
    timeline
      .filter((t) => staff || !t.staffOnly)
      .map(async (t) => ({
        id: t._id,
        at: t.at,
        actorLabel: t.actorLabel,
        type: t.type,
        note: readable(t.note, t.actorId, viewer._id),
        photoUrls: insider || t.type === 'resolved' ? await urls(t.photos) : [],
        staffOnly: t.staffOnly,
      })),
  )
}

/** 我 for the reporter; staff see the real name; others the nickname, or 匿名居民 for an anonymous report. */
function reporterNameFor(order: OrderDoc, viewer: UserDoc, reporter: UserDoc | undefined, staff: boolean): string {
  if (order.reporterId === viewer._id) return '我'
  if (order.anonymous && !staff) return '匿名居民'
  if (!reporter) return '居民'
  return staff ? (reporter.realName ?? reporter.nickname) : reporter.nickname
}

/** The order as `viewer` reads it; `written` is its timeline when the caller has just written all of it. */
export async function presentDetail(
  deps: Deps,
  order: OrderDoc,
  viewer: UserDoc,
  written: TimelineDoc[] | null = null,
): Promise<OrderDetail> {
  const staff = isStaffViewer(viewer, order)
  const isReporter = order.reporterId === viewer._id
  const insider = staff || isReporter
  const [names, extras, timeline, [reporter]] = await Promise.all([
    namesFor(deps, [order], order.jointDepartmentIds),
    extrasOf(deps, order, staff),
    written ?? timelineOf(deps, order._id),
    // The reporter reading their own order reads '我': no need to load them again.
    isReporter ? [viewer] : loadUsers(deps, [order.reporterId]),
  ])
  const summary = summaryOf(order, viewer, names, extras, deps.clock.now())
  const jointNames = order.jointDepartmentIds.map((id) => names('departments', id))
  const urls = photoUrls(deps)
  const timelineViews = await timelineFor(timeline, viewer, staff, insider, urls)
  const reporterName = reporterNameFor(order, viewer, reporter, staff)
  return {
    ...summary,
    source: order.source,
    photoUrls: insider ? await urls(order.photos) : [],
    location: insider ? order.location : approximate(order.location),
    gridId: order.gridId,
    // Followers read the place as they read the point: to about 100 m.
    placeText: order.location
      ? await describePoint(
          deps,
          (insider ? order.location : approximate(order.location)) ?? order.location,
          order.streetId,
          order.gridId ? (names('grids', order.gridId) ?? null) : null,
        )
      : null,
    address: readable(order.address, order.reporterId, viewer._id),
    reporterName,
    isReporter,
    escalation: order.escalation,
    acceptedAt: order.acceptedAt,
    resolvedAt: order.resolvedAt,
    closedAt: order.closedAt,
    rating: order.rating,
    ratingComment: readable(order.ratingComment, order.reporterId, viewer._id),
    autoClosed: order.autoClosed,
    confirmed: order.confirmed,
    rejectReason: order.rejectReason === null ? null : readable(order.rejectReason, rejecterOf(timeline), viewer._id),
    mergedInto: order.mergedInto,
    hiddenNumbers: staff ? hiddenNumbers(order, timeline, viewer) : [],
    jointDepartmentNames: jointNames.flatMap((n) => (n ? [n] : [])),
    timeline: timelineViews,
    can: allowedEvents(viewer, order),
  }
}
