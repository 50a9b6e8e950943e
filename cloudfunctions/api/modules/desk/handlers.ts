/**
 * The staff desk: counts of each 待办 queue (by the same holder rule as the lists), the most urgent items,
 * and the places the person works with what they may file there; and a 楼长's own building.
 */
import { DESK_FILINGS, maskPhone, type Desk, type InboxQueue, type Role, type UserDoc } from '../../../../types'
import type { Deps } from '../../context'
import type { Handler } from '../../handler'
import { audit } from '../audit/log'
import { validation } from '../../errors'
import { grantsOf } from '../places/can'
import { callerStreets, loadDepartment, loadGrid, routingGrids } from '../places/load'
import { treeOfGrid } from '../places/place'
import { atGrid, self } from '../places/rules'
import { activeMembers, activeMembershipOf } from '../grids/repo'
import { holderWhere, OPEN_WORK, queuesOf, summaryPage } from '../orders/lists'
import { FILERS } from '../orders/create'

const URGENT = 3

/** Counts of one queue: waiting to be taken, taken, and past the deadline (open work only). */
async function countQueue(deps: Deps, user: UserDoc, queue: InboxQueue) {
  const holder = await holderWhere(deps, user, queue)
  const now = deps.clock.now()
  const waiting = queue === 'street' ? ['submitted'] : ['dispatched']
  const open = queue === 'street' ? waiting : OPEN_WORK
  const [pending, working, overdue, overdueTaken] = await Promise.all([
    deps.store.count('orders', { ...holder, state: { in: waiting } }),
    queue === 'street' ? 0 : deps.store.count('orders', { ...holder, state: { in: ['accepted', 'in_progress'] } }),
    deps.store.count('orders', { ...holder, state: { in: open }, dueAt: { lt: now } }),
    queue === 'street'
      ? 0
      : deps.store.count('orders', { ...holder, state: { in: ['accepted', 'in_progress'] }, dueAt: { lt: now } }),
  ])
  return { count: { queue, pending, working, overdue }, badge: pending + overdueTaken }
}

async function urgentOf(deps: Deps, user: UserDoc, queue: InboxQueue | undefined) {
  if (!queue) return []
  const holder = await holderWhere(deps, user, queue)
  const page = await deps.store.find('orders', {
    where: { ...holder, state: { in: queue === 'street' ? ['submitted'] : OPEN_WORK } },
    orderBy: { field: 'dueAt', direction: 'asc' },
    limit: URGENT,
    cursor: null,
  })
  return (await summaryPage(deps, user, page)).items
}

/** The grids of the caller's streets, by id (from the shared read cache). */
async function gridsById(deps: Deps, user: UserDoc) {
  const streets = await callerStreets(deps, user)
  const grids = (await Promise.all(streets.map((s) => routingGrids(deps, s)))).flat()
  return new Map(grids.filter((g) => !g.archived).map((g) => [g._id, g]))
}

async function placesOf(deps: Deps, user: UserDoc) {
  const byId = await gridsById(deps, user)
  const ref = (id: string) => {
    const g = byId.get(id)
    return g ? { id: g._id, name: g.name } : null
  }
  const refs = (ids: string[]) => [...new Set(ids)].flatMap((id) => ref(id) ?? [])
  const grids = refs(grantsOf(user, 'grid_worker').flatMap((g) => g.gridIds ?? []))
  const departmentIds = [...new Set(grantsOf(user, 'department').flatMap((g) => g.departmentId ?? []))]
  const departments = await Promise.all(
    departmentIds.map(async (id) => {
      const d = await loadDepartment(deps, id)
      const entered = [...byId.values()].filter((g) => g.departmentIds.includes(id))
      return { id, name: d.name, grids: entered.map((g) => ({ id: g._id, name: g.name })) }
    }),
  )
  const home = await activeMembershipOf(deps, user._id)
  const buildings = refs(grantsOf(user, 'building_head').flatMap((g) => g.gridIds ?? [])).map((g) => ({
    gridId: g.id,
    gridName: g.name,
    building: home?.gridId === g.id ? home.building : null,
  }))
  // The roles held in each grid, then what those roles may file there (the same table orders.create checks).
  const held = new Map<string, Set<Role>>()
  const hold = (gridId: string, role: Role) => held.set(gridId, (held.get(gridId) ?? new Set()).add(role))
  for (const g of grids) hold(g.id, 'grid_worker')
  for (const d of departments) for (const g of d.grids) hold(g.id, 'department')
  for (const b of buildings) if (b.building) hold(b.gridId, 'building_head')
  const filings = [...held].flatMap(([gridId, roles]) => {
    const g = ref(gridId)
    const kinds = DESK_FILINGS.filter((kind) => FILERS[kind].some((role) => roles.has(role)))
    return g && kinds.length ? [{ gridId, gridName: g.name, kinds }] : []
  })
  return { grids, departments, buildings, filings }
}

/** Questions waiting for staff in the grids the person answers in, and those flagged to their communities. */
async function questionCounts(deps: Deps, user: UserDoc, gridIds: string[]) {
  const communities = grantsOf(user, 'community_admin').flatMap((g) => g.communityId ?? [])
  const [pending, flagged] = await Promise.all([
    gridIds.length ? deps.store.count('questions', { gridId: { in: gridIds }, state: 'open', staffReplied: false }) : 0,
    communities.length
      ? deps.store.count('questions', {
          communityId: { in: communities },
          state: 'open',
          staffReplied: false,
          flagged: 2,
        })
      : 0,
  ])
  return { pending, flagged, gridIds }
}

export async function deskOf(deps: Deps, user: UserDoc): Promise<Desk> {
  const queues = queuesOf(user).filter((q) => q !== 'transferred')
  const counted = await Promise.all(queues.map((q) => countQueue(deps, user, q)))
  const sum = (pick: (c: (typeof counted)[number]['count']) => number) => counted.reduce((n, c) => n + pick(c.count), 0)
  const [urgent, places] = await Promise.all([urgentOf(deps, user, queues[0]), placesOf(deps, user)])
  const answerIn = [...places.grids, ...places.departments.flatMap((d) => d.grids)].map((g) => g.id)
  const questions = await questionCounts(deps, user, [...new Set(answerIn)])
  return {
    questions,
    queues: counted.map((c) => c.count),
    totals: { pending: sum((c) => c.pending), working: sum((c) => c.working), overdue: sum((c) => c.overdue) },
    badge: counted.reduce((n, c) => n + c.badge, 0) + questions.pending,
    urgent,
    ...places,
  }
}

export const deskHandlers: { 'desk.get': Handler<'desk.get'>; 'desk.building': Handler<'desk.building'> } = {
  'desk.get': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }) => deskOf(deps, user),
  },
  'desk.building': {
    roles: ['building_head'],
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => {
      const grid = await loadGrid(deps, input.gridId)
      const home = await activeMembershipOf(deps, user._id)
      if (!home || home.gridId !== grid._id)
        throw validation('您在本网格还没有登记住址', [{ path: 'gridId', message: '请先在本网格登记您的楼栋和房号' }])
      const neighbours = (await activeMembers(deps, grid._id)).filter((m) => m.building === home.building)
      await audit(deps, {
        actorId: user._id,
        action: 'records.lookup',
        targetType: 'grid',
        targetId: grid._id,
        detail: `楼长查看 ${home.building} 号楼住户（${neighbours.length} 户）`,
        ...treeOfGrid(grid),
      })
      return {
        gridName: grid.name,
        building: home.building,
        items: neighbours
          .sort((a, b) => a.unit.localeCompare(b.unit) || a.room.localeCompare(b.room, 'zh', { numeric: true }))
          .map((m) => ({
            id: m._id,
            name: m.name,
            unit: m.unit,
            room: m.room,
            offline: m.offline,
            phoneMasked: maskPhone(m.phone),
            isBuildingHead: m.userId !== null && grid.buildingHeadIds.includes(m.userId),
          })),
      }
    },
  },
}
