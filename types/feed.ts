/**
 * The grid group online: the feed of a grid (通知公告, 明白纸, 活动), read counts, and questions (问答) that
 * staff answer in a thread or turn into a work order. Public views carry masked text only.
 */
import { z } from 'zod'
import { CursorSchema as Cursor, IdSchema as Id, LatLngSchema, pageOf as Page, text } from './common'

export const FEED_KINDS = ['notice', 'leaflet', 'activity'] as const
export const FeedKindSchema = z.enum(FEED_KINDS)
export type FeedKind = z.infer<typeof FeedKindSchema>

/** Questions one person may ask per day. */
export const QUESTIONS_PER_DAY = 20

/** Opened from a WeChat group: the CloudID of getGroupEnterInfo (weapp), or a demo group (local runs, H5). */
export const GroupProofSchema = z.union([
  z.object({ cloudID: z.string().min(1).max(512) }).strict(),
  z.object({ demo: z.string().min(1).max(32) }).strict(),
])

export type GroupProof = z.infer<typeof GroupProofSchema>

const Images = z.array(z.string().min(1).max(200)).max(6, '最多 6 张图片')

export const FeedPostDocSchema = z.object({
  _id: z.string(),
  kind: FeedKindSchema,
  title: z.string(),
  body: z.string(),
  images: z.array(z.string()),
  /** 明白纸: a link to the full PDF, and the department that answers for it (its desk phone is shown). */
  pdfUrl: z.string().nullable(),
  departmentId: z.string().nullable(),
  streetId: z.string(),
  /** Set for a community-wide post. */
  communityId: z.string().nullable(),
  scope: z.enum(['grid', 'community', 'street']),
  /** Every grid the post reaches (one feed entry each). */
  gridIds: z.array(z.string()),
  authorId: z.string(),
  authorLabel: z.string(),
  pinned: z.boolean(),
  state: z.enum(['live', 'withdrawn']),
  editedAt: z.number().nullable(),
  readCount: z.number().int(),
  groupReadCount: z.number().int().default(0),
  words: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
})
export type FeedPostDoc = z.infer<typeof FeedPostDocSchema>

export const QuestionDocSchema = z.object({
  _id: z.string(),
  gridId: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  askerId: z.string(),
  /** As typed (the asker reads it back); everyone else reads `publicText`. */
  text: z.string(),
  publicText: z.string(),
  photos: z.array(z.string()),
  state: z.enum(['open', 'answered']),
  /** Whether staff have replied (待回复 lists the open ones without). */
  staffReplied: z.boolean(),
  replyCount: z.number().int(),
  /** 0 none, 1 flagged to the grid's workers, 2 to the community admins. */
  flagged: z.number().int(),
  orderId: z.string().nullable(),
  /** Asked by a 楼长 for a neighbour: the neighbour's name (they follow it through the 楼长). */
  onBehalfName: z.string().nullable().default(null),
  words: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
})
export type QuestionDoc = z.infer<typeof QuestionDocSchema>

export const ReplyDocSchema = z.object({
  _id: z.string(),
  questionId: z.string(),
  authorId: z.string(),
  authorLabel: z.string(),
  staff: z.boolean(),
  text: z.string(),
  leafletId: z.string().nullable(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type ReplyDoc = z.infer<typeof ReplyDocSchema>

export const FeedPostViewSchema = z.object({
  id: z.string(),
  kind: FeedKindSchema,
  title: z.string(),
  body: z.string(),
  imageUrls: z.array(z.string()),
  pdfUrl: z.string().nullable(),
  department: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  scopeLabel: z.string(),
  authorLabel: z.string(),
  pinned: z.boolean(),
  withdrawn: z.boolean(),
  edited: z.boolean(),
  readCount: z.number().int(),
  /** 楼长 who passed it on to their building (a mark each). */
  relayedBy: z.array(z.string()),
  /** Of those, opened from the grid's WeChat group; staff also see who. */
  groupReadCount: z.number().int(),
  groupReaders: z.array(z.string()),
  read: z.boolean(),
  /** What this viewer may do to it. */
  can: z.array(z.enum(['edit', 'pin', 'withdraw', 'unread', 'relay'])),
  createdAt: z.number(),
})
export type FeedPostView = z.infer<typeof FeedPostViewSchema>

export const QuestionViewSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  askerLabel: z.string(),
  mine: z.boolean(),
  text: z.string(),
  photoUrls: z.array(z.string()),
  answered: z.boolean(),
  staffReplied: z.boolean(),
  replyCount: z.number().int(),
  orderId: z.string().nullable(),
  createdAt: z.number(),
  replies: z.array(
    z.object({
      id: z.string(),
      authorLabel: z.string(),
      staff: z.boolean(),
      text: z.string(),
      leaflet: z.object({ id: z.string(), title: z.string() }).nullable(),
      createdAt: z.number(),
    }),
  ),
  can: z.array(z.enum(['reply', 'answered', 'toOrder'])),
})
export type QuestionView = z.infer<typeof QuestionViewSchema>

const Title = text({ label: '标题', min: 1, max: 40 })
const Body = text({ label: '正文', min: 1, max: 2000, multiline: true })

export const FeedTargetSchema = z.union([
  z.object({ gridIds: z.array(Id).min(1, '请选择网格').max(50) }).strict(),
  z.object({ communityId: Id }).strict(),
  z.object({ streetId: Id }).strict(),
])

export const feedActions = {
  'feed.list': {
    mutating: false,
    input: z.object({ gridId: Id, cursor: Cursor }).strict(),
    output: Page(FeedPostViewSchema),
  },
  /** Reading a post counts it read (once per person). */
  'feed.get': {
    mutating: false,
    input: z.object({ postId: Id, group: GroupProofSchema.optional() }).strict(),
    output: FeedPostViewSchema,
  },
  /** Staff bind the grid's WeChat group (one group ↔ one grid), from a card opened in that group. */
  'groups.bind': {
    mutating: true,
    input: z.object({ gridId: Id, group: GroupProofSchema }).strict(),
    output: z.object({ gridId: z.string(), gridName: z.string() }),
  },
  /** A card opened from a group: the grid bound to it (a resident is offered to join it), and whether I may bind it. */
  'groups.resolve': {
    mutating: false,
    input: z.object({ group: GroupProofSchema, gridId: Id.optional() }).strict(),
    output: z.object({
      grid: z.object({ id: z.string(), name: z.string() }).nullable(),
      member: z.boolean(),
      joinCode: z.string().nullable(),
      canBind: z.boolean(),
    }),
  },
  'feed.publish': {
    mutating: true,
    input: z
      .object({
        kind: FeedKindSchema,
        title: Title,
        body: Body,
        images: Images.default([]),
        pdfUrl: z
          .url({ protocol: /^https?$/, error: '请填写以 http 开头的网址' })
          .max(300)
          .nullable()
          .default(null),
        departmentId: Id.nullable().default(null),
        target: FeedTargetSchema,
      })
      .strict(),
    output: FeedPostViewSchema,
  },
  'feed.edit': {
    mutating: true,
    input: z.object({ postId: Id, title: Title, body: Body }).strict(),
    output: FeedPostViewSchema,
  },
  'feed.pin': {
    mutating: true,
    input: z.object({ postId: Id, pinned: z.boolean() }).strict(),
    output: FeedPostViewSchema,
  },
  'feed.withdraw': { mutating: true, input: z.object({ postId: Id }).strict(), output: FeedPostViewSchema },
  /** Staff: the grid's residents who have not read a notice yet (to follow up offline). */
  'feed.unread': {
    mutating: false,
    input: z.object({ postId: Id, gridId: Id }).strict(),
    output: z.object({
      items: z.array(z.object({ name: z.string(), address: z.string(), offline: z.boolean() })),
      total: z.number().int(),
    }),
  },
  /** A 楼长 marks that they passed a notice on to their building. */
  'feed.relay': { mutating: true, input: z.object({ postId: Id }).strict(), output: FeedPostViewSchema },
  'questions.ask': {
    mutating: true,
    input: z
      .object({
        text: text({ label: '问题', min: 5, max: 500, multiline: true }),
        photos: Images.max(3).default([]),
        /** A 楼长 asking for a neighbour of their building (a membership id of the grid). */
        onBehalfOf: Id.optional(),
      })
      .strict(),
    output: QuestionViewSchema,
  },
  'questions.list': {
    mutating: false,
    input: z.object({ gridId: Id, which: z.enum(['all', 'pending', 'mine']).default('all'), cursor: Cursor }).strict(),
    output: Page(QuestionViewSchema),
  },
  'questions.get': { mutating: false, input: z.object({ questionId: Id }).strict(), output: QuestionViewSchema },
  'questions.reply': {
    mutating: true,
    input: z
      .object({
        questionId: Id,
        text: text({ label: '回复', min: 1, max: 1000, multiline: true }),
        leafletId: Id.nullable().default(null),
      })
      .strict(),
    output: QuestionViewSchema,
  },
  'questions.answered': { mutating: true, input: z.object({ questionId: Id }).strict(), output: QuestionViewSchema },
  /** Staff turn a question into a work order (the asker is its reporter and follows it from the question). */
  'questions.toOrder': {
    mutating: true,
    input: z
      .object({
        questionId: Id,
        categoryId: Id,
        location: LatLngSchema.optional(),
        address: text({ max: 100 }).default(''),
      })
      .strict(),
    output: QuestionViewSchema,
  },
  /** Past 明白纸 and answered questions of a grid by words (also the suggestions while typing a question). */
  'feed.search': {
    mutating: false,
    input: z.object({ gridId: Id, q: text({ label: '关键词', min: 1, max: 50 }) }).strict(),
    output: z.object({
      items: z.array(
        z.object({ kind: z.enum(['leaflet', 'question']), id: z.string(), title: z.string(), snippet: z.string() }),
      ),
    }),
  },
} as const
