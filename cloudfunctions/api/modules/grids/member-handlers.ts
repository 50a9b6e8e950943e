/** A grid's people as its staff see them: resident records, offline residents, building heads, calling the worker. */
import {
  ADMIN_ROLES,
  GridDocSchema,
  MembershipDocSchema,
  UserDocSchema,
  type GridDoc,
  type MembershipDoc,
} from '../../../../types'
import type { Handler } from '../../handler'
import { notFound, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { loadGrid, loadUsers } from '../places/load'
import { atGrid } from '../places/rules'
import { activeMembers } from './repo'
import { presentGridHome } from './present'
import { idFromRequest } from '../../codes'
import { audit } from '../audit/log'
import { treeOfGrid } from '../places/place'

const SEARCH_LIMIT = 50

/** Resident records as staff in scope see them: full contact, because they need to reach people. */
function presentMember(m: MembershipDoc, grid: GridDoc, userPhone: string | null) {
  return {
    id: m._id,
    userId: m.userId,
    name: m.name,
    phone: m.phone ?? userPhone,
    building: m.building,
    unit: m.unit,
    room: m.room,
    offline: m.offline,
    isBuildingHead: m.userId !== null && grid.buildingHeadIds.includes(m.userId),
    joinedAt: m.joinedAt,
  }
}

type MemberActions = 'grids.members' | 'grids.registerOffline' | 'grids.appointBuildingHead' | 'grids.callWorker'
const STAFF = ['grid_worker', ...ADMIN_ROLES] as const

export const gridMemberHandlers: { [A in MemberActions]: Handler<A> } = {
  'grids.callWorker': {
    roles: 'any',
    place: atGrid((i) => i.gridId, { membersOfGrid: true, refusal: '加入该网格后才能联系网格员' }),
    handle: async ({ deps, user }, input) => {
      const grid = await loadGrid(deps, input.gridId)
      if (!grid.workerIds.includes(input.workerId)) throw notFound('该网格没有这位网格员')
      const [worker] = await loadUsers(deps, [input.workerId])
      if (!worker?.phone) throw notFound('网格员暂未登记电话，请通过诉求联系网格')
      await audit(deps, {
        actorId: user._id,
        action: 'contact.call',
        targetType: 'user',
        targetId: worker._id,
        detail: `拨打网格员 ${worker.realName ?? worker.nickname} 的电话`,
        ...treeOfGrid(grid),
      })
      return { phone: worker.phone }
    },
  },
  'grids.members': {
    roles: STAFF,
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => {
      const grid = await loadGrid(deps, input.gridId)
      let members: MembershipDoc[]
      let nextCursor: string | null = null
      if (input.q) {
        const q = input.q
        members = (await activeMembers(deps, grid._id))
          .filter(
            (m) =>
              m.name.includes(q) ||
              `${m.building}${m.unit}${m.room}`.includes(q) ||
              `${m.building}号楼${m.unit}单元${m.room}`.includes(q),
          )
          .slice(0, SEARCH_LIMIT)
      } else {
        const page = await deps.store.find('memberships', {
          where: { gridId: grid._id, active: true },
          orderBy: { field: 'joinedAt', direction: 'desc' },
          limit: 20,
          cursor: input.cursor ?? null,
        })
        members = page.items.map((raw) => MembershipDocSchema.parse(raw))
        nextCursor = page.nextCursor
      }
      const users = await loadUsers(
        deps,
        members.flatMap((m) => (m.userId ? [m.userId] : [])),
      )
      await audit(deps, {
        actorId: user._id,
        action: 'records.lookup',
        targetType: 'grid',
        targetId: grid._id,
        detail: input.q ? `查询住户“${input.q}”，${members.length} 条结果` : `查看住户名单（${members.length} 条）`,
        ...treeOfGrid(grid),
      })
      return {
        items: members.map((m) => presentMember(m, grid, users.find((u) => u._id === m.userId)?.phone ?? null)),
        nextCursor,
      }
    },
  },
  'grids.registerOffline': {
    roles: STAFF,
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user, requestId }, input) => {
      const grid = await loadGrid(deps, input.gridId)
      const member: MembershipDoc = {
        _id: idFromRequest('mb', user._id, grid._id, requestId ?? String(deps.clock.now())),
        gridId: grid._id,
        userId: null,
        name: input.name,
        phone: input.phone ?? null,
        building: input.building,
        unit: input.unit,
        room: input.room,
        active: true,
        offline: true,
        joinedAt: deps.clock.now(),
        leftAt: null,
        claimedBy: null,
        version: 0,
      }
      try {
        await deps.store.insert('memberships', member)
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err // a re-run of the same request: already registered
      }
      await audit(deps, {
        actorId: user._id,
        action: 'records.registerOffline',
        targetType: 'grid',
        targetId: grid._id,
        detail: `登记无手机住户 ${input.name}`,
        ...treeOfGrid(grid),
      })
      return presentMember(member, grid, null)
    },
  },
  'grids.appointBuildingHead': {
    roles: STAFF,
    place: atGrid((i) => i.gridId, { grantsRole: 'building_head' }),
    handle: async ({ deps, user }, input) => {
      const grid = await loadGrid(deps, input.gridId)
      const member = (await activeMembers(deps, grid._id)).find((m) => m.userId === input.userId)
      if (input.appoint && !member)
        throw validation('只能从本网格的住户中任命楼长', [{ path: 'userId', message: '此人不是本网格住户' }])
      const next = await deps.store.transaction(async (tx) => {
        const rawGrid = await tx.get('grids', grid._id)
        const rawUser = await tx.get('users', input.userId)
        if (!rawGrid || !rawUser) throw validation('用户不存在', [{ path: 'userId', message: '用户不存在' }])
        const g = GridDocSchema.parse(rawGrid)
        const u = UserDocSchema.parse(rawUser)
        const heads = input.appoint
          ? [...new Set([...g.buildingHeadIds, u._id])]
          : g.buildingHeadIds.filter((id) => id !== u._id)
        const others = u.roles.filter((r) => r.role !== 'building_head')
        const headGrids = new Set(u.roles.find((r) => r.role === 'building_head')?.gridIds ?? [])
        if (input.appoint) headGrids.add(g._id)
        else headGrids.delete(g._id)
        const roles = headGrids.size ? [...others, { role: 'building_head' as const, gridIds: [...headGrids] }] : others
        await tx.replace('users', { ...u, roles, updatedAt: deps.clock.now() })
        const stored = await tx.replace('grids', { ...g, buildingHeadIds: heads })
        return { ...g, buildingHeadIds: heads, version: stored.version }
      })
      await audit(deps, {
        actorId: user._id,
        action: input.appoint ? 'role.grant' : 'role.revoke',
        targetType: 'user',
        targetId: input.userId,
        detail: `${input.appoint ? '任命' : '撤销'}${grid.name}楼长 ${member?.name ?? ''}`,
        ...treeOfGrid(grid),
      })
      return presentGridHome(deps, next, user)
    },
  },
}
