import { ADMIN_ROLES, GridDocSchema, type GridDoc } from '../../../../types'
import type { Handler } from '../../registry'
import type { Deps } from '../../context'
import { AppError, forbidden, notFound, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { updateVersioned } from '../../store/update'
import { communitiesOfStreet, gridsOfStreet, loadCommunity, loadGrid, loadUsers, locateGrid, memberCount } from './repo'
import { presentGridHome } from './present'
import { assertCanAdminister, isCommunityAdmin, isStreetAdmin } from './scope'
import { polygonErrors } from './polygon'
import { newJoinCode } from './codes'
import { audit } from '../audit/log'

/** Read-modify-write of one grid with optimistic concurrency. */
export function updateGrid(deps: Deps, gridId: string, change: (grid: GridDoc) => GridDoc): Promise<GridDoc> {
  return updateVersioned(deps.store, 'grids', gridId, {
    parse: (raw) => GridDocSchema.parse(raw),
    change,
    missing: () => notFound('网格不存在'),
    attempts: 20,
  })
}

type TreeActions = 'grids.tree' | 'grids.get' | 'grids.create' | 'grids.update' | 'grids.archive' | 'grids.locate'

export const gridTreeHandlers: { [A in TreeActions]: Handler<A> } = {
  'grids.tree': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }) => {
      const streetIds = new Set(
        user.roles.flatMap((g) => (g.role === 'street_admin' && g.streetId ? [g.streetId] : [])),
      )
      const communityIds = new Set(
        user.roles.flatMap((g) => (g.role === 'community_admin' && g.communityId ? [g.communityId] : [])),
      )
      for (const id of communityIds) streetIds.add((await loadCommunity(deps, id)).streetId)
      const streets = []
      for (const streetId of streetIds) {
        const street = await deps.store.get('streets', streetId)
        if (!street) continue
        const [communities, grids] = await Promise.all([
          communitiesOfStreet(deps, streetId),
          gridsOfStreet(deps, streetId),
        ])
        const visible = communities.filter((c) => isStreetAdmin(user, streetId) || communityIds.has(c._id))
        streets.push({
          id: streetId,
          name: String(street.name),
          communities: await Promise.all(
            visible.map(async (c) => ({
              id: c._id,
              name: c.name,
              grids: await Promise.all(
                grids
                  .filter((g) => g.communityId === c._id)
                  .map(async (g) => ({
                    id: g._id,
                    name: g.name,
                    code: g.code,
                    archived: g.archived,
                    workerNames: (await loadUsers(deps, g.workerIds)).map((u) => u.realName ?? u.nickname),
                    memberCount: await memberCount(deps, g._id),
                  })),
              ),
            })),
          ),
        })
      }
      return { streets }
    },
  },
  'grids.get': {
    roles: 'any',
    handle: async ({ deps, user }, input) => presentGridHome(deps, await loadGrid(deps, input.gridId), user),
  },
  'grids.create': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const community = await loadCommunity(deps, input.communityId)
      if (!isStreetAdmin(user, community.streetId) && !isCommunityAdmin(user, community._id))
        throw forbidden('只能在自己管理的社区内新建网格')
      const errors = polygonErrors(input.polygon)
      if (errors.length) throw validation('网格边界有误', errors)
      const now = deps.clock.now()
      const joinCode = newJoinCode()
      const grid: GridDoc = {
        _id: `gd_${input.code.toLowerCase().replace('-', '_')}`,
        streetId: community.streetId,
        communityId: community._id,
        name: input.name,
        code: input.code,
        polygon: input.polygon,
        workerIds: [],
        archived: false,
        notes: input.notes,
        departmentIds: [],
        buildingHeadIds: [],
        joinCode,
        createdAt: now,
        version: 0,
      }
      try {
        await deps.store.transaction(async (tx) => {
          await tx.insert('grids', grid)
          await tx.insert('joincodes', {
            _id: joinCode,
            gridId: grid._id,
            active: true,
            createdAt: now,
            rotatedAt: null,
            version: 0,
          })
        })
      } catch (err) {
        if (err instanceof StoreConflictError) throw new AppError('CONFLICT', `网格编号 ${input.code} 已被使用`)
        throw err
      }
      await audit(deps, {
        actorId: user._id,
        action: 'grid.create',
        targetType: 'grid',
        targetId: grid._id,
        detail: `新建网格 ${grid.name}（${grid.code}）`,
        streetId: grid.streetId,
      })
      return presentGridHome(deps, grid, user)
    },
  },
  'grids.update': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      assertCanAdminister(user, await loadGrid(deps, input.gridId))
      if (input.polygon) {
        const errors = polygonErrors(input.polygon)
        if (errors.length) throw validation('网格边界有误', errors)
      }
      if (input.workerIds) {
        const workers = await loadUsers(deps, input.workerIds)
        const bad = input.workerIds.findIndex(
          (id) =>
            !workers.some(
              (w) => w._id === id && w.roles.some((g) => g.role === 'grid_worker' && g.gridIds?.includes(input.gridId)),
            ),
        )
        if (bad >= 0)
          throw validation('网格员无效', [
            { path: `workerIds.${bad}`, message: '此人不是该网格的网格员，请先发放网格员邀请码' },
          ])
      }
      const next = await updateGrid(deps, input.gridId, (g) => ({
        ...g,
        name: input.name ?? g.name,
        polygon: input.polygon ?? g.polygon,
        notes: input.notes ?? g.notes,
        workerIds: input.workerIds ?? g.workerIds,
      }))
      await audit(deps, {
        actorId: user._id,
        action: 'grid.update',
        targetType: 'grid',
        targetId: next._id,
        detail: `修改网格 ${next.name}`,
        streetId: next.streetId,
      })
      return presentGridHome(deps, next, user)
    },
  },
  'grids.archive': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      assertCanAdminister(user, await loadGrid(deps, input.gridId))
      const next = await updateGrid(deps, input.gridId, (g) => ({ ...g, archived: input.archived }))
      await audit(deps, {
        actorId: user._id,
        action: input.archived ? 'grid.archive' : 'grid.restore',
        targetType: 'grid',
        targetId: next._id,
        detail: `${input.archived ? '停用' : '恢复'}网格 ${next.name}`,
        streetId: next.streetId,
      })
      return presentGridHome(deps, next, user)
    },
  },
  'grids.locate': {
    roles: 'any',
    handle: async ({ deps }, input) => {
      const grid = await locateGrid(deps, input)
      return { gridId: grid?._id ?? null, gridName: grid?.name ?? null }
    },
  },
}
