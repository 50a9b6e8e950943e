/** The grid tree: the admin's tree view, a grid's 首页, creating, editing and archiving grids, locating a point. */
import { ADMIN_ROLES, type GridDoc, type UserDoc } from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { AppError, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import {
  communitiesOfStreet,
  gridsOfStreet,
  loadCommunity,
  loadGrid,
  loadUsers,
  locateGrid,
  routingGrids,
  updateGrid,
} from '../places/load'
import { describePoint, streetLandmarks } from '../places/words'
import { atCommunity, atGrid, open } from '../places/rules'
import { communityPlace, gridPlace, treeOfGrid } from '../places/place'
import { grantsOf, visibleTo } from '../places/can'
import { memberCount } from './repo'
import { presentGridHome } from './present'
import { polygonErrors } from './polygon'
import { newJoinCode } from '../../codes'
import { audit } from '../audit/log'

/** The streets an admin sees in the tree: those of their street and community grants. */
async function adminStreets(deps: Deps, user: UserDoc): Promise<string[]> {
  const ids = new Set(grantsOf(user, 'street_admin').flatMap((g) => (g.streetId ? [g.streetId] : [])))
  for (const g of grantsOf(user, 'community_admin'))
    if (g.communityId) ids.add((await loadCommunity(deps, g.communityId)).streetId)
  return [...ids]
}

async function gridRow(deps: Deps, g: GridDoc) {
  return {
    id: g._id,
    name: g.name,
    code: g.code,
    archived: g.archived,
    workerNames: (await loadUsers(deps, g.workerIds)).map((u) => u.realName ?? u.nickname),
    memberCount: await memberCount(deps, g._id),
  }
}

/** One street of the tree, holding only the communities and grids the caller administers. */
async function streetTree(deps: Deps, user: UserDoc, streetId: string) {
  const street = await deps.store.get('streets', streetId)
  if (!street) return null
  const [communities, grids] = await Promise.all([communitiesOfStreet(deps, streetId), gridsOfStreet(deps, streetId)])
  const mine = visibleTo(user, ADMIN_ROLES, communities, communityPlace)
  const myGrids = visibleTo(user, ADMIN_ROLES, grids, gridPlace)
  return {
    id: streetId,
    name: String(street.name),
    communities: await Promise.all(
      mine.map(async (c) => ({
        id: c._id,
        name: c.name,
        grids: await Promise.all(myGrids.filter((g) => g.communityId === c._id).map((g) => gridRow(deps, g))),
      })),
    ),
  }
}

type TreeActions =
  'grids.tree' | 'grids.get' | 'grids.create' | 'grids.update' | 'grids.archive' | 'grids.locate' | 'grids.outlines'

export const gridTreeHandlers: { [A in TreeActions]: Handler<A> } = {
  'grids.tree': {
    roles: ADMIN_ROLES,
    place: open,
    handle: async ({ deps, user }) => {
      const streets = await Promise.all((await adminStreets(deps, user)).map((id) => streetTree(deps, user, id)))
      return { streets: streets.flatMap((s) => (s ? [s] : [])) }
    },
  },
  'grids.get': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => presentGridHome(deps, await loadGrid(deps, input.gridId), user),
  },
  'grids.create': {
    roles: ADMIN_ROLES,
    place: atCommunity((i) => i.communityId),
    handle: async ({ deps, user }, input) => {
      const community = await loadCommunity(deps, input.communityId)
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
        wxGroupKey: null,
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
        ...treeOfGrid(grid),
      })
      return presentGridHome(deps, grid, user)
    },
  },
  'grids.update': {
    roles: ADMIN_ROLES,
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => {
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
        ...treeOfGrid(next),
      })
      return presentGridHome(deps, next, user)
    },
  },
  'grids.archive': {
    roles: ADMIN_ROLES,
    place: atGrid((i) => i.gridId),
    handle: async ({ deps, user }, input) => {
      const next = await updateGrid(deps, input.gridId, (g) => ({ ...g, archived: input.archived }))
      await audit(deps, {
        actorId: user._id,
        action: input.archived ? 'grid.archive' : 'grid.restore',
        targetType: 'grid',
        targetId: next._id,
        detail: `${input.archived ? '停用' : '恢复'}网格 ${next.name}`,
        ...treeOfGrid(next),
      })
      return presentGridHome(deps, next, user)
    },
  },
  'grids.locate': {
    roles: 'any',
    place: open,
    handle: async ({ deps }, input) => {
      const grid = await locateGrid(deps, input)
      const placeText = await describePoint(deps, input, grid?.streetId ?? null, grid?.name ?? null)
      return { gridId: grid?._id ?? null, gridName: grid?.name ?? null, placeText }
    },
  },
  /** Grid outlines are public geography (no people): any signed-in person may draw the street's map. */
  'grids.outlines': {
    roles: 'any',
    place: open,
    handle: async ({ deps }, input) => {
      const streetId =
        'gridId' in input
          ? (await loadGrid(deps, input.gridId)).streetId
          : (await loadCommunity(deps, input.communityId)).streetId
      const [grids, landmarks] = await Promise.all([routingGrids(deps, streetId), streetLandmarks(deps, streetId)])
      return {
        grids: grids.filter((g) => !g.archived).map((g) => ({ id: g._id, name: g.name, polygon: g.polygon })),
        landmarks: landmarks.map((l) => ({ name: l.name, location: l.location })),
      }
    },
  },
}
