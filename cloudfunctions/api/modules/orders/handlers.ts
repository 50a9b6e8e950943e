import {
  ADMIN_ROLES,
  OPEN_STATES,
  OrderDocSchema,
  maskSensitiveText,
  type OrderDoc,
  type UserDoc,
} from '../../../../types'
import type { Where } from '../../store/port'
import type { Handler } from '../../registry'
import type { Deps } from '../../context'
import { AppError, forbidden, notFound, validation } from '../../errors'
import { actorFor, actorLabel, canView, isSupervisor } from './access'
import { commitTransition, loadCategory, loadOrder } from './repo'
import { nameCache, presentDetail, presentSummary } from './present'
import { transition, type OrderEvent } from './transition'
import { checkPhotos, createOrder } from './create'
import { distanceMetres } from './geo'
import { notifyStep } from './notify'
import { loadDepartment, loadGrid } from '../grids/repo'
import { primaryStreet } from '../audit/handlers'

const DAY = 24 * 60 * 60 * 1000
const NEARBY_METRES = 100

async function viewable(deps: Deps, user: UserDoc, orderId: string): Promise<OrderDoc> {
  const order = await loadOrder(deps, orderId)
  if (!canView(user, order)) throw notFound('工单不存在')
  return order
}

async function summaries(deps: Deps, docs: OrderDoc[], staff: boolean) {
  const names = nameCache(deps)
  return Promise.all(docs.map((o) => presentSummary(deps, o, names, staff)))
}

/** Turns the client's event into the domain event, resolving names for the timeline. */
async function domainEvent(
  deps: Deps,
  user: UserDoc,
  order: OrderDoc,
  input: Parameters<Handler<'orders.act'>['handle']>[1]['event'],
): Promise<OrderEvent> {
  switch (input.type) {
    case 'resolve':
      await checkPhotos(deps, user, input.photos)
      return input
    case 'merge': {
      const into = await loadOrder(deps, input.intoOrderId)
      if (!OPEN_STATES.includes(into.state) && into.state !== 'resolved')
        throw validation('目标工单已结束，不能合并', [{ path: 'event.intoOrderId', message: '请选择未办结的工单' }])
      return { type: 'merge', intoOrderId: into._id, intoNo: into.no }
    }
    case 'transfer': {
      const label = input.departmentId
        ? (await loadDepartment(deps, input.departmentId)).name
        : input.gridId
          ? (await loadGrid(deps, input.gridId)).name
          : ''
      return {
        type: 'transfer',
        gridId: input.gridId ?? null,
        departmentId: input.departmentId ?? null,
        targetLabel: label,
        reason: input.reason,
      }
    }
    case 'dispatch':
      if (input.gridId) await loadGrid(deps, input.gridId)
      if (input.departmentId) await loadDepartment(deps, input.departmentId)
      return { type: 'dispatch', gridId: input.gridId, departmentId: input.departmentId }
    case 'assign_joint': {
      const departments = await Promise.all(input.departmentIds.map((id) => loadDepartment(deps, id)))
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

export const orderHandlers: { [A in OrderActions]: Handler<A> } = {
  'orders.suggestDuplicates': {
    roles: 'any',
    handle: async ({ deps }, input) => {
      const since = deps.clock.now() - 7 * DAY
      const page = await deps.store.find('orders', {
        where: { categoryId: input.categoryId, createdAt: { gte: since } },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 100,
      })
      const items = page.items
        .map((raw) => OrderDocSchema.parse(raw))
        .filter((o) => OPEN_STATES.includes(o.state) && o.location)
        .map((o) => ({ o, d: o.location ? distanceMetres(o.location, input.location) : Infinity }))
        .filter(({ d }) => d <= NEARBY_METRES)
        .sort((a, b) => a.d - b.d)
        .slice(0, 5)
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
    handle: async ({ deps, user, openId, requestId }, input) => {
      const order = await createOrder(deps, user, openId, requestId, input)
      await notifyStep(deps, order, order.gridId ? 'dispatched' : 'submitted', order.text, user._id)
      return presentDetail(deps, order, user)
    },
  },
  'orders.metoo': {
    roles: 'any',
    handle: async ({ deps, user }, input) => {
      const order = await loadOrder(deps, input.orderId)
      const category = await loadCategory(deps, order.categoryId)
      const result = transition(
        order,
        { id: user._id, kinds: new Set(['system']) },
        { type: 'metoo', userId: user._id },
        deps.clock.now(),
        category,
      )
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
    handle: async ({ deps, user }, input) => presentDetail(deps, await viewable(deps, user, input.orderId), user),
  },
  'orders.mine': {
    roles: 'any',
    handle: async ({ deps, user }, input) => {
      const page = await deps.store.find('orders', {
        where: { reporterId: user._id },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      return {
        items: await summaries(
          deps,
          page.items.map((raw) => OrderDocSchema.parse(raw)),
          true,
        ),
        nextCursor: page.nextCursor,
      }
    },
  },
  'orders.inbox': {
    roles: ['grid_worker', 'department', ...ADMIN_ROLES],
    handle: async ({ deps, user }, input) => {
      const states = input.state ? [input.state] : ['dispatched', 'accepted', 'in_progress']
      const gridIds = user.roles.flatMap((g) => (g.role === 'grid_worker' ? (g.gridIds ?? []) : []))
      const departmentIds = user.roles.flatMap((g) =>
        g.role === 'department' && g.departmentId ? [g.departmentId] : [],
      )
      // A grid worker's 待办 comes from their grids, a department officer's from their department.
      const where: Where | null = gridIds.length
        ? { state: { in: states }, gridId: { in: gridIds } }
        : departmentIds.length
          ? { state: { in: states }, departmentId: { in: departmentIds } }
          : null
      if (!where) {
        if (!user.roles.some((g) => g.role === 'street_admin' || g.role === 'community_admin'))
          return { items: [], nextCursor: null }
        const streetId = await primaryStreet(deps, user)
        const page = await deps.store.find('orders', {
          where: { streetId, state: { in: input.state ? [input.state] : ['submitted'] } },
          orderBy: { field: 'dueAt', direction: 'asc' },
          limit: 20,
          cursor: input.cursor ?? null,
        })
        return {
          items: await summaries(
            deps,
            page.items.map((raw) => OrderDocSchema.parse(raw)),
            true,
          ),
          nextCursor: page.nextCursor,
        }
      }
      const page = await deps.store.find('orders', {
        where,
        orderBy: { field: 'dueAt', direction: 'asc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      const docs = page.items
        .map((raw) => OrderDocSchema.parse(raw))
        .filter(
          (o) =>
            (!input.categoryId || o.categoryId === input.categoryId) &&
            (gridIds.length === 0 || !o.departmentId || departmentIds.includes(o.departmentId)),
        )
      return { items: await summaries(deps, docs, true), nextCursor: page.nextCursor }
    },
  },
  'orders.act': {
    roles: 'any',
    handle: async ({ deps, user }, input) => {
      const order = await viewable(deps, user, input.orderId)
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
      return presentDetail(deps, saved, user)
    },
  },
  'orders.overdue': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const community = user.roles.find((g) => g.role === 'community_admin' && g.communityId)?.communityId
      const isStreet = user.roles.some((g) => g.role === 'street_admin')
      const where: Where = isStreet
        ? { streetId: await primaryStreet(deps, user), supervised: true, state: { in: [...OPEN_STATES] } }
        : { communityId: community ?? '', supervised: true, state: { in: [...OPEN_STATES] } }
      const page = await deps.store.find('orders', {
        where,
        orderBy: { field: 'dueAt', direction: 'asc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      const docs = page.items.map((raw) => OrderDocSchema.parse(raw)).filter((o) => isSupervisor(user, o))
      return { items: await summaries(deps, docs, true), nextCursor: page.nextCursor }
    },
  },
}
