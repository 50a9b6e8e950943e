import {
  ROLE_LABELS,
  ADMIN_ROLES,
  InviteDocSchema,
  UserDocSchema,
  GridDocSchema,
  type InviteDoc,
  type RoleGrant,
  type UserDoc,
} from '../../../../types'
import type { Handler } from '../../registry'
import type { Deps } from '../../context'
import { AppError, forbidden, notFound, validation } from '../../errors'
import { loadCommunity, loadDepartment, loadGrid, loadUsers } from '../grids/repo'
import { canAdministerGrid, isStreetAdmin } from '../grids/scope'
import { newInviteCode } from '../grids/codes'
import { audit } from '../audit/log'
import { primaryStreet } from '../audit/handlers'

const DAY = 24 * 60 * 60 * 1000

async function scopeLabel(deps: Deps, grant: RoleGrant): Promise<string> {
  if (grant.gridIds?.length)
    return `${ROLE_LABELS[grant.role]}（${(
      await Promise.all(
        grant.gridIds.map((id) =>
          loadGrid(deps, id).then(
            (g) => g.name,
            () => id,
          ),
        ),
      )
    ).join('、')}）`
  if (grant.departmentId)
    return `${ROLE_LABELS[grant.role]}（${(await loadDepartment(deps, grant.departmentId).catch(() => null))?.name ?? grant.departmentId}）`
  if (grant.communityId)
    return `${ROLE_LABELS[grant.role]}（${(await loadCommunity(deps, grant.communityId).catch(() => null))?.name ?? grant.communityId}）`
  return ROLE_LABELS[grant.role]
}

async function present(deps: Deps, invite: InviteDoc) {
  const now = deps.clock.now()
  const [redeemer] = invite.redeemedBy ? await loadUsers(deps, [invite.redeemedBy]) : []
  return {
    code: invite.code,
    role: invite.grant.role,
    scopeLabel: await scopeLabel(deps, invite.grant),
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    state: invite.redeemedAt
      ? ('redeemed' as const)
      : invite.revokedAt
        ? ('revoked' as const)
        : invite.expiresAt <= now
          ? ('expired' as const)
          : ('open' as const),
    redeemedByName: redeemer ? (redeemer.realName ?? redeemer.nickname) : null,
  }
}

/** Adds a grant, merging grid scopes of an existing grant of the same role. */
export function withGrant(roles: RoleGrant[], grant: RoleGrant): RoleGrant[] {
  const same = roles.find(
    (r) =>
      r.role === grant.role &&
      r.departmentId === grant.departmentId &&
      r.communityId === grant.communityId &&
      r.streetId === grant.streetId,
  )
  if (!same) return [...roles, grant]
  if (!grant.gridIds) return roles
  return roles.map((r) =>
    r === same ? { ...r, gridIds: [...new Set([...(r.gridIds ?? []), ...(grant.gridIds ?? [])])] } : r,
  )
}

async function grantFor(
  deps: Deps,
  user: UserDoc,
  input: { role: RoleGrant['role']; gridIds?: string[]; departmentId?: string; communityId?: string },
  streetId: string,
): Promise<RoleGrant> {
  switch (input.role) {
    case 'grid_worker': {
      if (!input.gridIds?.length)
        throw validation('请选择网格', [{ path: 'gridIds', message: '网格员邀请码必须指定网格' }])
      const grids = await Promise.all(input.gridIds.map((id) => loadGrid(deps, id)))
      if (grids.some((g) => !canAdministerGrid(user, g))) throw forbidden('只能为自己管理的网格发放邀请码')
      return { role: 'grid_worker', gridIds: input.gridIds }
    }
    case 'department': {
      if (!input.departmentId)
        throw validation('请选择部门', [{ path: 'departmentId', message: '部门邀请码必须指定部门' }])
      const department = await loadDepartment(deps, input.departmentId)
      if (!isStreetAdmin(user, department.streetId)) throw forbidden('只有街道管理员可以发放部门邀请码')
      return { role: 'department', departmentId: department._id }
    }
    case 'community_admin': {
      if (!input.communityId)
        throw validation('请选择社区', [{ path: 'communityId', message: '社区管理员邀请码必须指定社区' }])
      const community = await loadCommunity(deps, input.communityId)
      if (!isStreetAdmin(user, community.streetId)) throw forbidden('只有街道管理员可以发放社区管理员邀请码')
      return { role: 'community_admin', communityId: community._id }
    }
    default:
      if (!isStreetAdmin(user, streetId)) throw forbidden('只有街道管理员可以发放街道管理员邀请码')
      return { role: input.role, streetId }
  }
}

type InviteActions = 'invites.create' | 'invites.list' | 'invites.revoke' | 'invites.redeem' | 'roles.revoke'

export const inviteHandlers: { [A in InviteActions]: Handler<A> } = {
  'invites.create': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const streetId = await primaryStreet(deps, user)
      const grant = await grantFor(deps, user, input, streetId)
      const code = newInviteCode()
      const now = deps.clock.now()
      const invite: InviteDoc = {
        _id: `inv_${code}`,
        code,
        grant,
        streetId,
        createdBy: user._id,
        createdAt: now,
        expiresAt: now + input.expiresInDays * DAY,
        redeemedBy: null,
        redeemedAt: null,
        revokedAt: null,
        version: 0,
      }
      await deps.store.insert('invites', invite)
      await audit(deps, {
        actorId: user._id,
        action: 'invite.create',
        targetType: 'invite',
        targetId: code,
        detail: `发放邀请码：${await scopeLabel(deps, grant)}`,
        streetId,
      })
      return present(deps, invite)
    },
  },
  'invites.list': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const streetId = await primaryStreet(deps, user)
      const page = await deps.store.find('invites', {
        where: { streetId },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      return {
        items: await Promise.all(page.items.map((raw) => present(deps, InviteDocSchema.parse(raw)))),
        nextCursor: page.nextCursor,
      }
    },
  },
  'invites.revoke': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const streets = await primaryStreet(deps, user)
      const invite = await deps.store.transaction(async (tx) => {
        const raw = await tx.get('invites', `inv_${input.code}`)
        if (!raw) throw notFound('邀请码不存在')
        const found = InviteDocSchema.parse(raw)
        if (found.streetId !== streets || (found.createdBy !== user._id && !isStreetAdmin(user, found.streetId)))
          throw forbidden('只能撤销本街道的邀请码')
        if (found.redeemedAt) throw new AppError('CONFLICT', '邀请码已被使用，请改为撤销此人的角色')
        if (found.revokedAt) return found
        const next = { ...found, revokedAt: deps.clock.now() }
        const stored = await tx.replace('invites', next)
        return { ...next, version: stored.version }
      })
      await audit(deps, {
        actorId: user._id,
        action: 'invite.revoke',
        targetType: 'invite',
        targetId: invite.code,
        detail: `撤销邀请码：${await scopeLabel(deps, invite.grant)}`,
        streetId: invite.streetId,
      })
      return present(deps, invite)
    },
  },
  'invites.redeem': {
    roles: 'any',
    handle: async ({ deps, user }, input) => {
      const now = deps.clock.now()
      const invite = await deps.store.transaction(async (tx) => {
        const raw = await tx.get('invites', `inv_${input.code}`)
        if (!raw) throw validation('邀请码不存在，请核对后重试', [{ path: 'code', message: '没有找到这个邀请码' }])
        const found = InviteDocSchema.parse(raw)
        if (found.revokedAt)
          throw validation('邀请码已被撤销，请联系管理员', [{ path: 'code', message: '邀请码已撤销' }])
        if (found.redeemedAt) throw new AppError('CONFLICT', '邀请码已被使用，每个邀请码只能使用一次')
        if (found.expiresAt <= now)
          throw validation('邀请码已过期，请联系管理员重新发放', [{ path: 'code', message: '邀请码已过期' }])
        const rawUser = await tx.get('users', user._id)
        if (!rawUser) throw notFound('用户不存在')
        const me = UserDocSchema.parse(rawUser)
        await tx.replace('invites', { ...found, redeemedBy: user._id, redeemedAt: now })
        await tx.replace('users', { ...me, roles: withGrant(me.roles, found.grant), updatedAt: now })
        for (const gridId of found.grant.role === 'grid_worker' ? (found.grant.gridIds ?? []) : []) {
          const rawGrid = await tx.get('grids', gridId)
          if (!rawGrid) continue
          const grid = GridDocSchema.parse(rawGrid)
          if (!grid.workerIds.includes(user._id))
            await tx.replace('grids', { ...grid, workerIds: [...grid.workerIds, user._id] })
        }
        return found
      })
      const label = await scopeLabel(deps, invite.grant)
      await audit(deps, {
        actorId: user._id,
        action: 'role.grant',
        targetType: 'user',
        targetId: user._id,
        detail: `使用邀请码成为${label}`,
        streetId: invite.streetId,
      })
      return { role: invite.grant.role, scopeLabel: label }
    },
  },
  'roles.revoke': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      if (input.role === 'resident')
        throw validation('不能撤销居民身份', [{ path: 'role', message: '居民身份不可撤销' }])
      const streetId = await primaryStreet(deps, user)
      const [target] = await loadUsers(deps, [input.userId])
      if (!target) throw notFound('用户不存在')
      const grants = target.roles.filter((r) => r.role === input.role)
      if (!grants.length) throw notFound('此人没有该角色')
      for (const g of grants) {
        const gridIds = g.gridIds ?? []
        const grids = await Promise.all(gridIds.map((id) => loadGrid(deps, id)))
        const inScope =
          isStreetAdmin(user, streetId) || (grids.length > 0 && grids.every((grid) => canAdministerGrid(user, grid)))
        if (!inScope) throw forbidden('只能撤销本社区或本街道范围内的角色')
      }
      const updated = await deps.store.transaction(async (tx) => {
        const raw = await tx.get('users', target._id)
        if (!raw) throw notFound('用户不存在')
        const me = UserDocSchema.parse(raw)
        const roles = me.roles.filter((r) => r.role !== input.role)
        await tx.replace('users', { ...me, roles, updatedAt: deps.clock.now() })
        for (const gridId of grants.flatMap((g) =>
          g.role === 'grid_worker' || g.role === 'building_head' ? (g.gridIds ?? []) : [],
        )) {
          const rawGrid = await tx.get('grids', gridId)
          if (!rawGrid) continue
          const grid = GridDocSchema.parse(rawGrid)
          await tx.replace('grids', {
            ...grid,
            workerIds: grid.workerIds.filter((id) => id !== me._id),
            buildingHeadIds: grid.buildingHeadIds.filter((id) => id !== me._id),
          })
        }
        return roles
      })
      await audit(deps, {
        actorId: user._id,
        action: 'role.revoke',
        targetType: 'user',
        targetId: target._id,
        detail: `撤销 ${target.realName ?? target.nickname} 的${ROLE_LABELS[input.role]}角色`,
        streetId,
      })
      return { userId: target._id, roles: updated.map((r) => r.role) }
    },
  },
}
