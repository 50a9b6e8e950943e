/** Who may act: invites that grant roles, and the audit log of every grant, revoke and look-up. */
import { z } from 'zod'
import { CursorSchema as Cursor, IdSchema as Id, pageOf as Page } from './common'
import { RoleGrantSchema, RoleSchema } from './users'

export const InviteDocSchema = z.object({
  _id: z.string(),
  code: z.string(),
  grant: RoleGrantSchema,
  streetId: z.string(),
  /** The community the granted scope lies in, when it lies in one (community admins see these invites). */
  communityId: z.string().nullable().default(null),
  createdBy: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  redeemedBy: z.string().nullable(),
  redeemedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  version: z.number().int(),
})
export type InviteDoc = z.infer<typeof InviteDocSchema>

export const AuditDocSchema = z.object({
  _id: z.string(),
  at: z.number(),
  actorId: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.string(),
  streetId: z.string(),
  communityId: z.string().nullable().default(null),
  gridId: z.string().nullable().default(null),
  version: z.number().int(),
})
export type AuditDoc = z.infer<typeof AuditDocSchema>

export const INVITABLE_ROLES = [
  'grid_worker',
  'department',
  'community_admin',
  'street_admin',
  'counter_staff',
] as const
export const InviteRoleSchema = z.enum(INVITABLE_ROLES)

/** An invite as an admin sees it: the full code only in the answer that created or revealed it. */
export const InviteViewSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  codeMasked: z.string(),
  role: RoleSchema,
  scopeLabel: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  state: z.enum(['open', 'redeemed', 'revoked', 'expired']),
  redeemedByName: z.string().nullable(),
})
export type InviteView = z.infer<typeof InviteViewSchema>

export const AuditViewSchema = z.object({
  id: z.string(),
  at: z.number(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.string(),
})

const InviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{10}$/, '邀请码应为 10 位字母或数字')

export const accessActions = {
  'invites.create': {
    mutating: true,
    input: z
      .object({
        role: InviteRoleSchema,
        gridIds: z.array(Id).max(20).optional(),
        departmentId: Id.optional(),
        exchangePointId: Id.optional(),
        communityId: Id.optional(),
        streetId: Id.optional(),
        expiresInDays: z.number().int().min(1).max(30).default(7),
      })
      .strict(),
    output: InviteViewSchema,
  },
  'invites.list': { mutating: false, input: z.object({ cursor: Cursor }).strict(), output: Page(InviteViewSchema) },
  'invites.revoke': { mutating: true, input: z.object({ id: Id }).strict(), output: InviteViewSchema },
  /** The full code of an open invite, shown once more to an admin in scope; every reveal is audited. */
  'invites.reveal': { mutating: true, input: z.object({ id: Id }).strict(), output: InviteViewSchema },
  'invites.redeem': {
    mutating: true,
    input: z.object({ code: InviteCode }).strict(),
    output: z.object({ role: RoleSchema, scopeLabel: z.string() }),
  },
  'roles.revoke': {
    mutating: true,
    input: z.object({ userId: Id, role: RoleSchema }).strict(),
    output: z.object({ userId: z.string(), roles: z.array(RoleSchema) }),
  },
  'audit.list': { mutating: false, input: z.object({ cursor: Cursor }).strict(), output: Page(AuditViewSchema) },
} as const
