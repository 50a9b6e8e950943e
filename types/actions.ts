import { z } from 'zod'
import { RoleGrantSchema } from './entities'

import { PhoneSchema } from './actions-common'
import { gridActions } from './grids'
import { orderActions } from './orders'

export { PhoneSchema }

const Nickname = z.string().trim().min(1, '昵称不能为空').max(20, '昵称最多 20 个字')

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

export const PageInputSchema = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})

function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

/**
 * The one declaration of every action: name → input → output, and whether it mutates
 * (mutating actions require a client requestId and are replayed on retry).
 */
export const actions = {
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
  ...gridActions,
  ...orderActions,
  'jobs.recent': {
    mutating: false,
    input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          startedAt: z.number(),
          finishedAt: z.number(),
          expiredRequests: z.number(),
          escalated: z.number(),
          autoClosed: z.number(),
        }),
      ),
    }),
  },
} as const satisfies Record<string, { mutating: boolean; input: z.ZodType; output: z.ZodType }>

export type ActionMap = typeof actions
export type ActionName = keyof ActionMap
export type ActionInput<A extends ActionName> = z.input<ActionMap[A]['input']>
export type ActionParsedInput<A extends ActionName> = z.output<ActionMap[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<ActionMap[A]['output']>

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name)
}
