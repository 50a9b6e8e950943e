import {
  maskSensitiveText,
  OPEN_STATES,
  type OrderDetail,
  type OrderDoc,
  type OrderSummary,
  type UserDoc,
} from '../../../../types'
import { ORDER_EVENTS } from '../../../../types'
import type { Deps } from '../../context'
import { loadUsers } from '../grids/repo'
import { actorFor, isStaffViewer } from './access'
import { RULES, type EventType } from './transition'
import { FAR_FUTURE } from './deadlines'
import { timelineOf } from './repo'

/** Small per-call cache of names, so a page of 20 orders reads each grid/category once. */
export function nameCache(deps: Deps) {
  const cache = new Map<string, Promise<string | null>>()
  const name = (collection: 'grids' | 'categories' | 'departments', id: string | null) => {
    if (!id) return Promise.resolve(null)
    const key = `${collection}/${id}`
    let hit = cache.get(key)
    if (!hit) {
      hit = deps.store.get(collection, id).then((doc) => (doc && typeof doc.name === 'string' ? doc.name : null))
      cache.set(key, hit)
    }
    return hit
  }
  return name
}

const isOpen = (o: OrderDoc) => OPEN_STATES.includes(o.state)

export async function presentSummary(
  deps: Deps,
  order: OrderDoc,
  names: ReturnType<typeof nameCache>,
  staff: boolean,
): Promise<OrderSummary> {
  const [categoryName, gridName, departmentName, photoUrl] = await Promise.all([
    names('categories', order.categoryId),
    names('grids', order.gridId),
    names('departments', order.departmentId),
    order.photos[0] ? deps.files.url(order.photos[0]) : Promise.resolve(null),
  ])
  return {
    id: order._id,
    no: order.no,
    categoryId: order.categoryId,
    categoryName: categoryName ?? '其他',
    text: staff ? order.text : maskSensitiveText(order.text),
    state: order.state,
    gridName,
    departmentName,
    dueAt: order.dueAt >= FAR_FUTURE ? null : order.dueAt,
    overdue: isOpen(order) && order.dueAt < deps.clock.now(),
    supervised: order.supervised,
    joint: order.joint,
    repeatCount: order.repeatCount,
    photoUrl,
    createdAt: order.createdAt,
  }
}

/** The events this viewer may cause now, so the page shows only buttons that work. */
export function allowedEvents(user: UserDoc, order: OrderDoc): OrderDetail['can'] {
  const actor = actorFor(user, order)
  return ORDER_EVENTS.filter((e) => {
    const rule = RULES[e as EventType]
    return rule.from.includes(order.state) && rule.by.some((k) => actor.kinds.has(k))
  })
}

export async function presentDetail(deps: Deps, order: OrderDoc, viewer: UserDoc): Promise<OrderDetail> {
  const staff = isStaffViewer(viewer, order)
  const isReporter = order.reporterId === viewer._id
  const names = nameCache(deps)
  const [summary, timeline, [reporter], photoUrls, jointNames] = await Promise.all([
    presentSummary(deps, order, names, staff || isReporter),
    timelineOf(deps, order._id),
    loadUsers(deps, [order.reporterId]),
    Promise.all(order.photos.map((id) => deps.files.url(id))),
    Promise.all(order.jointDepartmentIds.map((id) => names('departments', id))),
  ])
  const visible = timeline.filter((t) => staff || !t.staffOnly)
  const timelineViews = await Promise.all(
    visible.map(async (t) => ({
      id: t._id,
      at: t.at,
      actorLabel: t.actorLabel,
      type: t.type,
      note: staff || isReporter ? t.note : maskSensitiveText(t.note),
      photoUrls: (await Promise.all(t.photos.map((id) => deps.files.url(id)))).flatMap((u) => (u ? [u] : [])),
      staffOnly: t.staffOnly,
    })),
  )
  const reporterName = isReporter
    ? '我'
    : order.anonymous && !staff
      ? '匿名居民'
      : reporter
        ? staff
          ? (reporter.realName ?? reporter.nickname)
          : reporter.nickname
        : '居民'
  return {
    ...summary,
    source: order.source,
    photoUrls: photoUrls.flatMap((u) => (u ? [u] : [])),
    location: order.location,
    address: order.address,
    reporterName,
    isReporter,
    escalation: order.escalation,
    acceptedAt: order.acceptedAt,
    resolvedAt: order.resolvedAt,
    closedAt: order.closedAt,
    rating: order.rating,
    ratingComment: order.ratingComment,
    autoClosed: order.autoClosed,
    rejectReason: order.rejectReason,
    mergedInto: order.mergedInto,
    jointDepartmentNames: jointNames.flatMap((n) => (n ? [n] : [])),
    timeline: timelineViews,
    can: allowedEvents(viewer, order),
  }
}
