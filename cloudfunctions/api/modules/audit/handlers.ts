import { ADMIN_ROLES, AuditDocSchema, type UserDoc } from '../../../../types'
import type { Handler } from '../../registry'
import type { Deps } from '../../context'
import { forbidden } from '../../errors'
import { loadCommunity, loadUsers } from '../grids/repo'

/** The streets a user administers, directly or through one of its communities. */
export async function streetsAdministered(deps: Deps, user: UserDoc): Promise<string[]> {
  const ids = new Set<string>()
  for (const g of user.roles) {
    if (g.role === 'street_admin' && g.streetId) ids.add(g.streetId)
    if (g.role === 'community_admin' && g.communityId) ids.add((await loadCommunity(deps, g.communityId)).streetId)
  }
  return [...ids]
}

export async function primaryStreet(deps: Deps, user: UserDoc): Promise<string> {
  const [street] = await streetsAdministered(deps, user)
  if (!street) throw forbidden('您没有街道或社区管理权限')
  return street
}

export const auditHandlers: { 'audit.list': Handler<'audit.list'> } = {
  'audit.list': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const streetId = await primaryStreet(deps, user)
      const page = await deps.store.find('audit', {
        where: { streetId },
        orderBy: { field: 'at', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      const entries = page.items.map((raw) => AuditDocSchema.parse(raw))
      const actors = await loadUsers(deps, [...new Set(entries.map((e) => e.actorId))])
      return {
        items: entries.map((e) => {
          const actor = actors.find((a) => a._id === e.actorId)
          return {
            id: e._id,
            at: e.at,
            actorName: actor ? (actor.realName ?? actor.nickname) : '未知用户',
            action: e.action,
            targetType: e.targetType,
            targetId: e.targetId,
            detail: e.detail,
          }
        }),
        nextCursor: page.nextCursor,
      }
    },
  },
}
