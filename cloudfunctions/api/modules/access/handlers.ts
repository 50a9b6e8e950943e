/** Invites that grant staff roles (issued, listed, revealed, revoked, redeemed) and revoking a role. */
import {
  ADMIN_ROLES,
  GridDocSchema,
  InviteDocSchema,
  ROLE_LABELS,
  UserDocSchema,
  type InviteDoc,
  type InviteView,
  type RoleGrant,
  type UserDoc,
} from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { AppError, notFound, validation } from '../../errors'
import { loadCommunity, loadDepartment, loadExchangePoint, loadGrid, loadUsers } from '../places/load'
import { adminScopeWhere, grantsOf, visibleTo } from '../places/can'
import { open } from '../places/rules'
import { isScoped } from '../places/place'
import { newInviteCode } from '../../codes'
import { audit } from '../audit/log'
import { communityOf, grantFromInput, grantPlaces, invitePlace } from './places'

const DAY = 24 * 60 * 60 * 1000
const PAGE = 20

async function scopeLabel(deps: Deps, grant: RoleGrant): Promise<string> {
  const role = ROLE_LABELS[grant.role]
  const nameOr = async (load: () => Promise<{ name: string }>, id: string) =>
    (await load().catch(() => null))?.name ?? id
  if (grant.gridIds?.length) {
    const names = await Promise.all(grant.gridIds.map((id) => nameOr(() => loadGrid(deps, id), id)))
    return `${role}（${names.join('、')}）`
  }
  if (grant.departmentId)
    return `${role}（${await nameOr(() => loadDepartment(deps, grant.departmentId ?? ''), grant.departmentId)}）`
  if (grant.communityId)
    return `${role}（${await nameOr(() => loadCommunity(deps, grant.communityId ?? ''), grant.communityId)}）`
  if (grant.exchangePointId)
    return `${role}（${await nameOr(() => loadExchangePoint(deps, grant.exchangePointId ?? ''), grant.exchangePointId)}）`
  return role
}

/** AB****9K: enough to tell codes apart in a list, useless to redeem. */
export const maskInviteCode = (code: string) =>
  `${code.slice(0, 2)}${'*'.repeat(Math.max(0, code.length - 4))}${code.slice(-2)}`

/** An invite as its admins read it; `label` when the caller already named its scope. */
async function present(deps: Deps, invite: InviteDoc, reveal = false, label?: string): Promise<InviteView> {
  const now = deps.clock.now()
  const [redeemer] = invite.redeemedBy ? await loadUsers(deps, [invite.redeemedBy]) : []
  const state = invite.redeemedAt
    ? 'redeemed'
    : invite.revokedAt
      ? 'revoked'
      : invite.expiresAt <= now
        ? 'expired'
        : 'open'
  return {
    id: invite._id,
    code: reveal ? invite.code : null,
    codeMasked: maskInviteCode(invite.code),
    role: invite.grant.role,
    scopeLabel: label ?? (await scopeLabel(deps, invite.grant)),
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    state,
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

const soleStreetAdminOf = (user: UserDoc) => grantsOf(user, 'street_admin').find((g) => g.streetId)?.streetId

async function loadInvite(deps: Deps, id: string): Promise<InviteDoc> {
  const raw = await deps.store.get('invites', id)
  if (!raw) throw notFound('邀请码不存在')
  return InviteDocSchema.parse(raw)
}

const atInvite = async (deps: Deps, input: { id: string }) => invitePlace(await loadInvite(deps, input.id))

/** The invites an admin may see: queried by their streets or communities, then each checked by the one rule. */
async function listInvites(deps: Deps, user: UserDoc, cursor: string | null) {
  const where = adminScopeWhere(user)
  const orderBy = { field: 'createdAt', direction: 'desc' as const }
  const page = await deps.store.find('invites', { where, orderBy, limit: PAGE, cursor })
  const invites = page.items.map((raw) => InviteDocSchema.parse(raw))
  return { invites: visibleTo(user, ADMIN_ROLES, invites, invitePlace), nextCursor: page.nextCursor }
}

async function findByCode(deps: Deps, code: string): Promise<InviteDoc> {
  const page = await deps.store.find('invites', { where: { code }, limit: 1 })
  const [raw] = page.items
  if (!raw) throw validation('邀请码不存在，请核对后重试', [{ path: 'code', message: '没有找到这个邀请码' }])
  return InviteDocSchema.parse(raw)
}

/** Redeems in one transaction: the invite is used once, the grant added, grid workers listed on their grids. */
async function redeem(deps: Deps, user: UserDoc, found: InviteDoc): Promise<InviteDoc> {
  const now = deps.clock.now()
  return deps.store.transaction(async (tx) => {
    const raw = await tx.get('invites', found._id)
    if (!raw) throw notFound('邀请码不存在')
    const invite = InviteDocSchema.parse(raw)
    if (invite.revokedAt) throw validation('邀请码已被撤销，请联系管理员', [{ path: 'code', message: '邀请码已撤销' }])
    if (invite.redeemedAt) throw new AppError('CONFLICT', '邀请码已被使用，每个邀请码只能使用一次')
    if (invite.expiresAt <= now)
      throw validation('邀请码已过期，请联系管理员重新发放', [{ path: 'code', message: '邀请码已过期' }])
    const rawUser = await tx.get('users', user._id)
    if (!rawUser) throw notFound('用户不存在')
    const me = UserDocSchema.parse(rawUser)
    await tx.replace('invites', { ...invite, redeemedBy: user._id, redeemedAt: now })
    await tx.replace('users', { ...me, roles: withGrant(me.roles, invite.grant), updatedAt: now })
    for (const gridId of invite.grant.role === 'grid_worker' ? (invite.grant.gridIds ?? []) : []) {
      const rawGrid = await tx.get('grids', gridId)
      if (!rawGrid) continue
      const grid = GridDocSchema.parse(rawGrid)
      if (!grid.workerIds.includes(user._id))
        await tx.replace('grids', { ...grid, workerIds: [...grid.workerIds, user._id] })
    }
    return invite
  })
}

/** Removes every grant of `role` from the user, and takes them off the grids they worked or headed. */
async function removeRole(deps: Deps, userId: string, role: RoleGrant['role']): Promise<RoleGrant[]> {
  return deps.store.transaction(async (tx) => {
    const raw = await tx.get('users', userId)
    if (!raw) throw notFound('用户不存在')
    const target = UserDocSchema.parse(raw)
    const removed = target.roles.filter((r) => r.role === role)
    const roles = target.roles.filter((r) => r.role !== role)
    await tx.replace('users', { ...target, roles, updatedAt: deps.clock.now() })
    const gridIds = removed.flatMap((g) =>
      g.role === 'grid_worker' || g.role === 'building_head' ? (g.gridIds ?? []) : [],
    )
    for (const gridId of gridIds) {
      const rawGrid = await tx.get('grids', gridId)
      if (!rawGrid) continue
      const grid = GridDocSchema.parse(rawGrid)
      const workerIds = grid.workerIds.filter((id) => id !== userId)
      const buildingHeadIds = grid.buildingHeadIds.filter((id) => id !== userId)
      await tx.replace('grids', { ...grid, workerIds, buildingHeadIds })
    }
    return roles
  })
}

type AccessActions =
  'invites.create' | 'invites.list' | 'invites.revoke' | 'invites.reveal' | 'invites.redeem' | 'roles.revoke'

export const accessHandlers: { [A in AccessActions]: Handler<A> } = {
  /** Issues a code for a grant the caller outranks, within their scope; the full code is shown this once. */
  'invites.create': {
    roles: ADMIN_ROLES,
    place: async (deps, input, user) => grantPlaces(deps, grantFromInput(input, soleStreetAdminOf(user))),
    handle: async ({ deps, user, places: checked }, input) => {
      const grant = grantFromInput(input, soleStreetAdminOf(user))
      const places = checked.filter(isScoped)
      const now = deps.clock.now()
      const code = newInviteCode()
      const invite: InviteDoc = {
        _id: deps.ids.next('inv'),
        code,
        grant,
        streetId: places[0]?.streetId ?? '',
        communityId: communityOf(places),
        createdBy: user._id,
        createdAt: now,
        expiresAt: now + input.expiresInDays * DAY,
        redeemedBy: null,
        redeemedAt: null,
        revokedAt: null,
        version: 0,
      }
      await deps.store.insert('invites', invite)
      const label = await scopeLabel(deps, grant)
      const detail = `发放邀请码 ${maskInviteCode(code)}：${label}`
      const entry = { actorId: user._id, action: 'invite.create', targetType: 'invite', targetId: invite._id, detail }
      await audit(deps, { ...entry, streetId: invite.streetId, communityId: invite.communityId })
      return present(deps, invite, true, label)
    },
  },
  'invites.list': {
    roles: ADMIN_ROLES,
    place: open,
    handle: async ({ deps, user }, input) => {
      const { invites, nextCursor } = await listInvites(deps, user, input.cursor ?? null)
      return { items: await Promise.all(invites.map((i) => present(deps, i))), nextCursor }
    },
  },
  'invites.reveal': {
    roles: ADMIN_ROLES,
    place: atInvite,
    handle: async ({ deps, user }, input) => {
      const invite = await loadInvite(deps, input.id)
      const view = await present(deps, invite)
      if (view.state !== 'open')
        throw validation('只能查看未使用的邀请码', [
          { path: 'id', message: `邀请码${view.state === 'redeemed' ? '已使用' : '已失效'}` },
        ])
      const detail = `查看完整邀请码 ${view.codeMasked}：${view.scopeLabel}`
      const entry = { actorId: user._id, action: 'invite.reveal', targetType: 'invite', targetId: invite._id, detail }
      await audit(deps, { ...entry, streetId: invite.streetId, communityId: invite.communityId })
      return { ...view, code: invite.code }
    },
  },
  'invites.revoke': {
    roles: ADMIN_ROLES,
    place: atInvite,
    handle: async ({ deps, user }, input) => {
      const invite = await deps.store.transaction(async (tx) => {
        const raw = await tx.get('invites', input.id)
        if (!raw) throw notFound('邀请码不存在')
        const found = InviteDocSchema.parse(raw)
        if (found.redeemedAt) throw new AppError('CONFLICT', '邀请码已被使用，请改为撤销此人的角色')
        if (found.revokedAt) return found
        const next = { ...found, revokedAt: deps.clock.now() }
        const stored = await tx.replace('invites', next)
        return { ...next, version: stored.version }
      })
      const detail = `撤销邀请码 ${maskInviteCode(invite.code)}：${await scopeLabel(deps, invite.grant)}`
      const entry = { actorId: user._id, action: 'invite.revoke', targetType: 'invite', targetId: invite._id, detail }
      await audit(deps, { ...entry, streetId: invite.streetId, communityId: invite.communityId })
      return present(deps, invite)
    },
  },
  'invites.redeem': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => {
      const invite = await redeem(deps, user, await findByCode(deps, input.code))
      const label = await scopeLabel(deps, invite.grant)
      const entry = {
        actorId: user._id,
        action: 'role.grant',
        targetType: 'user',
        targetId: user._id,
        detail: `使用邀请码成为${label}`,
      }
      await audit(deps, { ...entry, streetId: invite.streetId, communityId: invite.communityId })
      return { role: invite.grant.role, scopeLabel: label }
    },
  },
  /** Revokes a role only where the caller holds every place of it and outranks it. */
  'roles.revoke': {
    roles: ADMIN_ROLES,
    place: async (deps, input) => {
      if (input.role === 'resident')
        throw validation('不能撤销居民身份', [{ path: 'role', message: '居民身份不可撤销' }])
      const [target] = await loadUsers(deps, [input.userId])
      const grants = target?.roles.filter((r) => r.role === input.role) ?? []
      if (!grants.length) throw notFound('此人没有该角色')
      return (await Promise.all(grants.map((g) => grantPlaces(deps, g)))).flat()
    },
    handle: async ({ deps, user, places: checked }, input) => {
      const [target] = await loadUsers(deps, [input.userId])
      if (!target) throw notFound('用户不存在')
      const places = checked.filter(isScoped)
      const roles = await removeRole(deps, target._id, input.role)
      const detail = `撤销 ${target.realName ?? target.nickname} 的${ROLE_LABELS[input.role]}角色`
      const entry = { actorId: user._id, action: 'role.revoke', targetType: 'user', targetId: target._id, detail }
      await audit(deps, { ...entry, streetId: places[0]?.streetId ?? '', communityId: communityOf(places) })
      return { userId: target._id, roles: roles.map((r) => r.role) }
    },
  },
}
