/** People: users and their role grants, files they upload, their inbox, and the actions on themselves. */
import { z } from 'zod'
import { PageInputSchema, PhoneSchema, pageOf, text } from './common'

export const ROLES = [
  'resident',
  'rider',
  'building_head',
  'grid_worker',
  'department',
  'community_admin',
  'street_admin',
  /** Staff of a 兑换点 (exchange point) who mark points-market vouchers used. */
  'counter_staff',
] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

export const STAFF_ROLES: readonly Role[] = [
  'building_head',
  'grid_worker',
  'department',
  'community_admin',
  'street_admin',
  'counter_staff',
]
export const ADMIN_ROLES: readonly Role[] = ['community_admin', 'street_admin']

/** A role granted to a user, with the scope it applies to. */
export const RoleGrantSchema = z.object({
  role: RoleSchema,
  gridIds: z.array(z.string()).optional(),
  communityId: z.string().optional(),
  streetId: z.string().optional(),
  departmentId: z.string().optional(),
  exchangePointId: z.string().optional(),
})
export type RoleGrant = z.infer<typeof RoleGrantSchema>

export const UserDocSchema = z.object({
  _id: z.string(),
  openId: z.string(),
  nickname: z.string(),
  avatarFileId: z.string().nullable(),
  phone: z.string().nullable(),
  realName: z.string().nullable(),
  roles: z.array(RoleGrantSchema),
  homeGridId: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
})
export type UserDoc = z.infer<typeof UserDocSchema>

export const FileDocSchema = z.object({
  _id: z.string(),
  ownerId: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type FileDoc = z.infer<typeof FileDocSchema>

export const MessageDocSchema = z.object({
  _id: z.string(),
  userId: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type MessageDoc = z.infer<typeof MessageDocSchema>

const Nickname = text({ label: '昵称', min: 1, max: 20 })

export const WorkerViewSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  phoneMasked: z.string().nullable(),
})

export const GridSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  communityName: z.string(),
  streetName: z.string(),
  workers: z.array(WorkerViewSchema),
})
export type GridSummary = z.infer<typeof GridSummarySchema>

export const MeViewSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  /** The owner's own view: the full number. */
  phone: z.string().nullable(),
  roles: z.array(RoleGrantSchema),
  homeGrid: GridSummarySchema.nullable(),
})
export type MeView = z.infer<typeof MeViewSchema>

export const MessageViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.number(),
})

export const userActions = {
  'me.get': {
    mutating: false,
    input: z.object({}).strict(),
    output: MeViewSchema,
  },
  'me.update': {
    mutating: true,
    input: z
      .object({
        nickname: Nickname.optional(),
        phone: PhoneSchema.nullable().optional(),
        avatarFileId: z.string().min(1).max(200).nullable().optional(),
      })
      .strict()
      .refine((v) => v.nickname !== undefined || v.phone !== undefined || v.avatarFileId !== undefined, {
        message: '没有需要修改的内容',
      }),
    output: MeViewSchema,
  },
  'messages.list': {
    mutating: false,
    input: PageInputSchema.strict(),
    output: pageOf(MessageViewSchema),
  },
  'messages.markRead': {
    mutating: true,
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ id: z.string(), read: z.literal(true) }),
  },
} as const
