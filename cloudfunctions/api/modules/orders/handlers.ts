/** The work-order actions: report, follow (我也遇到), read, list, act on, and reveal a masked number. */
import { OPEN_STATES, findSensitiveNumbers, maskSensitiveText, type OrderDoc, type UserDoc } from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { AppError, forbidden, notFound, validation } from '../../errors'
import { loadDepartment, loadGrid } from '../places/load'
import { open, self } from '../places/rules'
import { audit } from '../audit/log'
import { ORDER_STAFF, actorFor, actorLabel, canView, placeOfOrder } from './access'
import { commitTransition, loadCategory, loadOrder, timelineOf } from './repo'
import { fieldText, presentDetail } from './present'
import { transition, type OrderEvent, type Target } from './transition'
import { checkPhotos, createOrder, createPlace } from './create'
import { notifyStep } from './notify'
import { inboxPage, overduePage, summaryPage } from './lists'
import { isSuggested, rememberSuggestions } from './suggestions'
import { nearbyOpen } from './nearby'
import { awardForOrder } from '../credit/awards'

type EventInput = Parameters<Handler<'orders.act'>['handle']>[1]['event']

const atOrder = async (deps: Deps, input: { orderId: string }) => placeOfOrder(await loadOrder(deps, input.orderId))

/** Where a dispatch or transfer sends the order, with all its parents; only within the order's street. */
async function targetOf(deps: Deps, order: OrderDoc, to: { gridId?: string; departmentId?: string }): Promise<Target> {
  const grid = to.gridId ? await loadGrid(deps, to.gridId) : null
  const department = to.departmentId ? await loadDepartment(deps, to.departmentId) : null
  if ((grid && grid.streetId !== order.streetId) || (department && department.streetId !== order.streetId))
    throw validation('只能派往本街道的网格或部门', [{ path: 'event', message: '目标不在本街道' }])
  const tree = grid
    ? { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id }
    : { streetId: order.streetId, communityId: order.communityId, gridId: order.gridId }
  return { ...tree, departmentId: department?._id ?? null, label: department?.name ?? grid?.name ?? '' }
}

/** Turns the client's event into the domain event, resolving targets and names for the timeline. */
async function domainEvent(deps: Deps, user: UserDoc, order: OrderDoc, input: EventInput): Promise<OrderEvent> {
  switch (input.type) {
    case 'resolve':
      await checkPhotos(deps, user, input.photos)
      return input
    case 'merge': {
      const into = await loadOrder(deps, input.intoOrderId)
      if (into.streetId !== order.streetId || !canView(user, into)) throw notFound('目标工单不存在')
      if (!OPEN_STATES.includes(into.state) && into.state !== 'resolved')
        throw validation('目标工单已结束，不能合并', [{ path: 'event.intoOrderId', message: '请选择未办结的工单' }])
      return { type: 'merge', intoOrderId: into._id, intoNo: into.no }
    }
    case 'transfer':
      return { type: 'transfer', to: await targetOf(deps, order, input), reason: input.reason }
    case 'dispatch':
      return { type: 'dispatch', to: await targetOf(deps, order, input) }
    case 'assign_joint': {
      const departments = await Promise.all(input.departmentIds.map((id) => loadDepartment(deps, id)))
      if (departments.some((d) => d.streetId !== order.streetId))
        throw validation('只能选择本街道的部门', [{ path: 'event.departmentIds', message: '部门不在本街道' }])
      return {
        type: 'assign_joint',
        departmentIds: departments.map((d) => d._id),
        labels: departments.map((d) => d.name),
      }
    }
    default:
      return input
  }
}

type OrderActions =
  | 'orders.suggestDuplicates'
  | 'orders.create'
  | 'orders.metoo'
  | 'orders.get'
  | 'orders.mine'
  | 'orders.inbox'
  | 'orders.act'
  | 'orders.overdue'
  | 'orders.reveal'

export const orderHandlers: { [A in OrderActions]: Handler<A> } = {
  /** Open reports of the same category within 100 m in the last week; remembered so the caller may follow them. */
  'orders.suggestDuplicates': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => {
      const items = await nearbyOpen(deps, input.categoryId, input.location)
      await rememberSuggestions(
        deps,
        user._id,
        items.map(({ o }) => o._id),
      )
      return {
        items: items.map(({ o, d }) => ({
          id: o._id,
          no: o.no,
          text: maskSensitiveText(o.text),
          distanceMetres: Math.round(d),
          repeatCount: o.repeatCount,
          state: o.state,
          createdAt: o.createdAt,
        })),
      }
    },
  },
  'orders.create': {
    roles: 'any',
    place: createPlace,
    handle: async ({ deps, user, openId, requestId }, input) => {
      const { order, timeline } = await createOrder(deps, user, openId, requestId, input)
      await notifyStep(deps, order, order.gridId ? 'dispatched' : 'submitted', order.text, user._id)
      return presentDetail(deps, order, user, timeline)
    },
  },
  /** 我也遇到: from the duplicate suggestion of one's own report, or as a resident of the order's grid. */
  'orders.metoo': {
    roles: 'any',
    place: async (deps, input, user) => {
      const place = placeOfOrder(await loadOrder(deps, input.orderId))
      const suggested = await isSuggested(deps, user._id, input.orderId)
      return { ...place, membersOfGrid: true, partyIds: [...(place.partyIds ?? []), ...(suggested ? [user._id] : [])] }
    },
    handle: async ({ deps, user }, input) => {
      const order = await loadOrder(deps, input.orderId)
      const category = await loadCategory(deps, order.categoryId)
      const system = { id: user._id, kinds: new Set(['system'] as const) }
      const result = transition(order, system, { type: 'metoo', userId: user._id }, deps.clock.now(), category)
      if (!result.ok) throw new AppError(result.code, result.message)
      const saved = await commitTransition(
        deps,
        result.order,
        result.timeline,
        user._id,
        '居民',
        '操作太频繁，请稍后再试',
      )
      return presentDetail(deps, saved, user)
    },
  },
  'orders.get': {
    roles: 'any',
    place: atOrder,
    handle: async ({ deps, user }, input) => presentDetail(deps, await loadOrder(deps, input.orderId), user),
  },
  'orders.mine': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }, input) => {
      const page = await deps.store.find('orders', {
        where: input.whose === 'proxied' ? { onBehalfUserId: user._id } : { reporterId: user._id },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      return summaryPage(deps, user, page)
    },
  },
  'orders.inbox': {
    roles: ORDER_STAFF,
    place: open,
    handle: async ({ deps, user }, input) => inboxPage(deps, user, input),
  },
  'orders.act': {
    roles: 'any',
    place: atOrder,
    handle: async ({ deps, user }, input) => {
      const order = await loadOrder(deps, input.orderId)
      const category = await loadCategory(deps, order.categoryId)
      const event = await domainEvent(deps, user, order, input.event)
      const result = transition(order, actorFor(user, order), event, deps.clock.now(), category)
      if (!result.ok)
        throw result.code === 'FORBIDDEN' ? forbidden(result.message) : new AppError(result.code, result.message)
      const conflict = event.type === 'accept' ? '该工单已被他人接单' : '工单已被他人处理，请刷新后查看'
      const saved = await commitTransition(
        deps,
        result.order,
        result.timeline,
        user._id,
        actorLabel(user, order),
        conflict,
      )
      if (!result.timeline.staffOnly)
        await notifyStep(deps, saved, result.timeline.type, result.timeline.note, user._id)
      await awardForOrder(deps, saved, result.timeline.type)
      return presentDetail(deps, saved, user)
    },
  },
  'orders.overdue': {
    roles: ['community_admin', 'street_admin'],
    place: open,
    handle: async ({ deps, user }, input) => overduePage(deps, user, input.cursor ?? null),
  },
  'orders.reveal': {
    roles: ORDER_STAFF,
    place: atOrder,
    handle: async ({ deps, user }, input) => {
      const order = await loadOrder(deps, input.orderId)
      const field = fieldText(order, await timelineOf(deps, order._id), input.field, input.entryId)
      const span = field ? findSensitiveNumbers(field.text)[input.index] : undefined
      if (!field || !span) throw notFound('没有找到这个号码')
      const detail = `查看工单 ${order.no} 中的号码 ${span.masked}`
      const entry = { actorId: user._id, action: 'order.reveal', targetType: 'order', targetId: order._id, detail }
      await audit(deps, { ...entry, streetId: order.streetId, communityId: order.communityId, gridId: order.gridId })
      return { value: span.value }
    },
  },
}
