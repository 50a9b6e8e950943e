/** The audit log as an admin reads it: a street admin the street's entries, a community admin their community's. */
import { ADMIN_ROLES, AuditDocSchema, type AuditDoc } from '../../../../types'
import type { Handler } from '../../handler'
import { loadUsers } from '../places/load'
import { adminScopeWhere, visibleTo } from '../places/can'
import { scoped } from '../places/place'
import { open } from '../places/rules'

const auditPlace = (e: AuditDoc) => scoped('street', e._id, e)

export const auditHandlers: { 'audit.list': Handler<'audit.list'> } = {
  'audit.list': {
    roles: ADMIN_ROLES,
    place: open,
    handle: async ({ deps, user }, input) => {
      const where = adminScopeWhere(user)
      const orderBy = { field: 'at', direction: 'desc' as const }
      const page = await deps.store.find('audit', { where, orderBy, limit: 20, cursor: input.cursor ?? null })
      const entries = visibleTo(
        user,
        ADMIN_ROLES,
        page.items.map((raw) => AuditDocSchema.parse(raw)),
        auditPlace,
      )
      const actors = await loadUsers(deps, [...new Set(entries.map((e) => e.actorId))])
      const nameOf = (id: string) => {
        const actor = actors.find((a) => a._id === id)
        return actor ? (actor.realName ?? actor.nickname) : '未知用户'
      }
      return {
        items: entries.map((e) => ({
          id: e._id,
          at: e.at,
          actorName: nameOf(e.actorId),
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          detail: e.detail,
        })),
        nextCursor: page.nextCursor,
      }
    },
  },
}
