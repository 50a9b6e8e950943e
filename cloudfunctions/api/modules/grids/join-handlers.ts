/** Joining a grid by its code or QR, and the staff side of it: rotating the code, printing the poster. */
import {
  ADMIN_ROLES,
  GridDocSchema,
  JoinCodeDocSchema,
  MembershipDocSchema,
  OrderDocSchema,
  UserDocSchema,
  type MembershipDoc,
} from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { notFound, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { findAll, loadCommunity, loadGrid, loadUsers } from '../places/load'
import { atGrid, open } from '../places/rules'
import { activeMembers, activeMembershipOf } from './repo'
import { updateVersioned } from '../../store/update'
import { presentGridHome } from './present'
import { idFromRequest, newJoinCode } from '../../codes'
import { awardJoin } from '../credit/awards'

export const JOIN_PAGE = 'pages/join/index'

/** Resolves a scanned code to its grid, with a clear message for stale or unknown codes. */
async function gridForCode(deps: Deps, code: string) {
  const raw = await deps.store.get('joincodes', code)
  if (!raw) throw validation('加入码无效，请核对后重试', [{ path: 'code', message: '没有找到这个加入码' }])
  const joinCode = JoinCodeDocSchema.parse(raw)
  if (!joinCode.active)
    throw validation('该二维码已更新，请向网格员索取最新的二维码', [{ path: 'code', message: '二维码已失效' }])
  const grid = await loadGrid(deps, joinCode.gridId)
  if (grid.archived) throw validation('该网格已停用，请联系社区', [{ path: 'code', message: '网格已停用' }])
  return grid
}

/** The offline record a grid worker registered for this person: same grid, name, building, unit and room. */
async function offlineRecordOf(deps: Deps, gridId: string, joining: MembershipDoc): Promise<MembershipDoc | null> {
  const same = (m: MembershipDoc) =>
    m.offline &&
    m.name === joining.name &&
    m.building === joining.building &&
    m.unit === joining.unit &&
    m.room === joining.room
  return (await activeMembers(deps, gridId)).find(same) ?? null
}

/** Orders filed for that record (代办) become the resident's to follow: they see them under 我的上报 → 代办. */
async function linkProxiedOrders(deps: Deps, membershipId: string, userId: string): Promise<void> {
  const orderBy = { field: 'createdAt', direction: 'desc' as const }
  for (const raw of await findAll(deps, 'orders', { where: { onBehalfOf: membershipId }, orderBy }, 5)) {
    await updateVersioned(deps.store, 'orders', raw._id, {
      parse: (doc) => OrderDocSchema.parse(doc),
      change: (order) => ({ ...order, onBehalfUserId: userId }),
      missing: () => notFound('工单不存在'),
      attempts: 10,
    })
  }
}

type JoinActions = 'grids.joinPreview' | 'grids.join' | 'grids.rotateCode' | 'grids.poster'

export const gridJoinHandlers: { [A in JoinActions]: Handler<A> } = {
  'grids.joinPreview': {
    roles: 'any',
    place: open,
    handle: async ({ deps }, input) => {
      const grid = await gridForCode(deps, input.code)
      const [community, workers] = await Promise.all([
        loadCommunity(deps, grid.communityId),
        loadUsers(deps, grid.workerIds),
      ])
      return {
        gridId: grid._id,
        gridName: grid.name,
        communityName: community.name,
        workerNames: workers.map((w) => w.realName ?? w.nickname),
      }
    },
  },
  'grids.join': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user, requestId }, input) => {
      const grid = await gridForCode(deps, input.code)
      const previous = await activeMembershipOf(deps, user._id)
      const now = deps.clock.now()
      const membership: MembershipDoc = {
        _id: idFromRequest('mb', user._id, grid._id, requestId ?? String(now)),
        gridId: grid._id,
        userId: user._id,
        name: input.realName ?? user.realName ?? user.nickname,
        phone: null,
        building: input.building,
        unit: input.unit,
        room: input.room,
        active: true,
        offline: false,
        joinedAt: now,
        leftAt: null,
        claimedBy: null,
        version: 0,
      }
      const offline = await offlineRecordOf(deps, grid._id, membership)
      await deps.store.transaction(async (tx) => {
        const rawUser = await tx.get('users', user._id)
        if (!rawUser) throw new StoreConflictError('users', user._id)
        const current = UserDocSchema.parse(rawUser)
        if (previous) {
          const rawOld = await tx.get('memberships', previous._id)
          const old = rawOld ? MembershipDocSchema.parse(rawOld) : null
          if (old?.active) await tx.replace('memberships', { ...old, active: false, leftAt: now })
        }
        await tx.insert('memberships', membership)
        const rawOffline = offline ? await tx.get('memberships', offline._id) : null
        const record = rawOffline ? MembershipDocSchema.parse(rawOffline) : null
        if (record?.active)
          await tx.replace('memberships', { ...record, active: false, leftAt: now, claimedBy: user._id })
        await tx.replace('users', {
          ...current,
          homeGridId: grid._id,
          realName: input.realName ?? current.realName,
          updatedAt: now,
        })
      })
      if (offline) await linkProxiedOrders(deps, offline._id, user._id)
      await awardJoin(deps, user._id, grid)
      return presentGridHome(deps, grid, { ...user, homeGridId: grid._id })
    },
  },
  'grids.rotateCode': {
    roles: ['grid_worker', ...ADMIN_ROLES],
    place: atGrid((i) => i.gridId),
    handle: async ({ deps }, input) => {
      const code = newJoinCode()
      const now = deps.clock.now()
      await deps.store.transaction(async (tx) => {
        const raw = await tx.get('grids', input.gridId)
        if (!raw) throw new StoreConflictError('grids', input.gridId)
        const grid = GridDocSchema.parse(raw)
        const rawOld = grid.joinCode ? await tx.get('joincodes', grid.joinCode) : null
        if (rawOld) await tx.replace('joincodes', { ...JoinCodeDocSchema.parse(rawOld), active: false, rotatedAt: now })
        await tx.insert('joincodes', {
          _id: code,
          gridId: grid._id,
          active: true,
          createdAt: now,
          rotatedAt: null,
          version: 0,
        })
        await tx.replace('grids', { ...grid, joinCode: code })
      })
      return { joinCode: code }
    },
  },
  'grids.poster': {
    roles: ['grid_worker', ...ADMIN_ROLES],
    place: atGrid((i) => i.gridId),
    handle: async ({ deps }, input) => {
      const grid = await loadGrid(deps, input.gridId)
      const [community, workers] = await Promise.all([
        loadCommunity(deps, grid.communityId),
        loadUsers(deps, grid.workerIds),
      ])
      const joinPath = `${JOIN_PAGE}?code=${grid.joinCode}`
      const joinUrl = input.baseUrl ? `${input.baseUrl.replace(/\/+$/, '')}/#/${joinPath}` : null
      const miniCodeUrl = await deps.miniCode.create(`c=${grid.joinCode}`, JOIN_PAGE, grid._id)
      // Loaded on the first poster only, not on every cold start (scripts/build-functions.ts).
      const qrSvg = miniCodeUrl
        ? null
        : await (
            await import('qrcode')
          ).toString(joinUrl ?? grid.joinCode, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      return {
        gridId: grid._id,
        gridName: grid.name,
        communityName: community.name,
        workerNames: workers.map((w) => w.realName ?? w.nickname),
        joinCode: grid.joinCode,
        joinPath,
        joinUrl,
        qrSvg,
        miniCodeUrl,
      }
    },
  },
}
