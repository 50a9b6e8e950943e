/** Who may act: invites that grant roles, and the audit log of every grant, revoke and look-up. */
import { z } from 'zod'
import { RoleGrantSchema } from './users'

export const InviteDocSchema = z.object({
  _id: z.string(),
  code: z.string(),
  grant: RoleGrantSchema,
  streetId: z.string(),
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
  version: z.number().int(),
})
export type AuditDoc = z.infer<typeof AuditDocSchema>
