/**
 * Lost and found (寻物启事 / 失物招领 / 寻人): posts as stored, their claims and clues, hand-overs, and the
 * actions on them. Public views carry masked text only; raw text, claim answers and hand-over codes reach
 * only the people the server decides may see them.
 */
import { z } from 'zod'
import { CursorSchema as Cursor, IdSchema as Id, LatLngSchema, pageOf as Page, text } from './common'

/** 寻物启事 (I lost something), 失物招领 (I found something), 寻人 (staff look for a person). */
export const LOST_KINDS = ['lost', 'found', 'person'] as const
export const LostKindSchema = z.enum(LOST_KINDS)
export type LostKind = z.infer<typeof LostKindSchema>

export const LOST_CATEGORIES = ['id_card', 'wallet', 'keys', 'phone', 'pet', 'clothing', 'other'] as const
export const LostCategorySchema = z.enum(LOST_CATEGORIES)
export type LostCategory = z.infer<typeof LostCategorySchema>

/** open → returned (hand-over done) | closed (by its owner or staff, with a reason) | expired (by the jobs tick). */
export const POST_STATES = ['open', 'returned', 'closed', 'expired'] as const
export const PostStateSchema = z.enum(POST_STATES)
export type PostState = z.infer<typeof PostStateSchema>

/** Days a post stays open unless renewed. */
export const POST_DAYS: Record<LostKind, number> = { lost: 30, found: 30, person: 90 }
/** Posts one person may publish per day. */
export const POSTS_PER_DAY = 5
/** Wrong hand-over codes before a claim locks, and for how long. */
export const CODE_TRIES = 5
export const CODE_LOCK_MS = 60 * 60 * 1000

export const LostPostDocSchema = z.object({
  _id: z.string(),
  kind: LostKindSchema,
  category: LostCategorySchema,
  /** As typed: returned only to the poster and to staff whose scope holds the post. */
  title: z.string(),
  text: z.string(),
  /** The public form, numbers masked before storing (what everyone else reads and what search indexes). */
  publicTitle: z.string(),
  publicText: z.string(),
  /** 失物招领: the private-knowledge question a claimant answers (colour, contents, last digits...). */
  question: z.string(),
  /** Where, in words; the point is optional. */
  place: z.string(),
  location: LatLngSchema.nullable(),
  /** When it was lost or found (ms). */
  happenedAt: z.number(),
  photos: z.array(z.string()),
  streetId: z.string(),
  communityId: z.string().nullable(),
  /** The poster's grid; null for a street-level 寻人. */
  gridId: z.string().nullable(),
  /** Shown street-wide besides the grid. */
  wide: z.boolean(),
  ownerId: z.string(),
  /** Posted by staff in their role (a grid worker's find, a department's 寻人). */
  byStaff: z.boolean(),
  posterLabel: z.string(),
  state: PostStateSchema,
  closeReason: z.string(),
  /** The claim whose hand-over returned this post (or the found post that returned this lost one). */
  returnedBy: z.string().nullable(),
  returnedAt: z.number().nullable(),
  expiresAt: z.number(),
  /** `<kind>|<category>`: lets the kind and category filters be part of one indexed query. */
  filterKey: z.string(),
  /** Search words of the public title, text and category (modules/lostfound/words.ts); never numbers. */
  words: z.array(z.string()),
  claimCount: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
})
export type LostPostDoc = z.infer<typeof LostPostDocSchema>

/**
 * A private answer to a post: a claim on a found item (answering its question), or a clue (我有线索) to
 * a lost item or a person search. Claims move pending → accepted → returned, or → declined / withdrawn.
 */
export const CLAIM_STATES = ['pending', 'accepted', 'declined', 'withdrawn', 'returned', 'sent'] as const
export const ClaimStateSchema = z.enum(CLAIM_STATES)
export type ClaimState = z.infer<typeof ClaimStateSchema>

export const LostClaimDocSchema = z.object({
  _id: z.string(),
  postId: z.string(),
  kind: z.enum(['claim', 'clue']),
  streetId: z.string(),
  communityId: z.string().nullable(),
  gridId: z.string().nullable(),
  posterId: z.string(),
  claimantId: z.string(),
  /** The answer to the question, or the clue: the parties and staff only. */
  text: z.string(),
  /** The claimant's own open 寻物启事 for this item, closed with the hand-over. */
  lostPostId: z.string().nullable(),
  state: ClaimStateSchema,
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionNote: z.string(),
  /** The one-time hand-over code: shown to the claimant only, typed in by the finder or staff. */
  code: z.string().nullable(),
  /** Times of wrong codes typed within the lock window. */
  wrongCodes: z.array(z.number()),
  lockedUntil: z.number().nullable(),
  handedOverBy: z.string().nullable(),
  handedOverAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
})
export type LostClaimDoc = z.infer<typeof LostClaimDocSchema>

/** One per returned item (id `ret_<postId>`): the finder's points are awarded from it exactly once. */
export const LostReturnDocSchema = z.object({
  _id: z.string(),
  postId: z.string(),
  claimId: z.string(),
  finderId: z.string(),
  ownerId: z.string(),
  handedOverBy: z.string(),
  streetId: z.string(),
  gridId: z.string().nullable(),
  at: z.number(),
  /** Set by the credit ledger when it awards the finder's points; until then the return waits here. */
  pointsAwarded: z.boolean(),
  version: z.number().int(),
})
export type LostReturnDoc = z.infer<typeof LostReturnDocSchema>

/** The events the viewer may cause on a post; the detail page shows exactly these buttons. */
export const POST_EVENTS = ['claim', 'clue', 'edit', 'renew', 'close', 'notify'] as const
export const PostEventSchema = z.enum(POST_EVENTS)
export type PostEvent = z.infer<typeof PostEventSchema>

export const LostPostSummarySchema = z.object({
  id: z.string(),
  kind: LostKindSchema,
  category: LostCategorySchema,
  title: z.string(),
  text: z.string(),
  place: z.string(),
  happenedAt: z.number(),
  /** The first photo, when the viewer may see photos (never a 证件's to the public). */
  photoUrl: z.string().nullable(),
  gridName: z.string().nullable(),
  wide: z.boolean(),
  state: PostStateSchema,
  posterLabel: z.string(),
  createdAt: z.number(),
})
export type LostPostSummary = z.infer<typeof LostPostSummarySchema>

export const ClaimViewSchema = z.object({
  id: z.string(),
  postId: z.string(),
  postTitle: z.string(),
  postKind: LostKindSchema,
  kind: z.enum(['claim', 'clue']),
  claimantName: z.string(),
  isMine: z.boolean(),
  text: z.string(),
  state: ClaimStateSchema,
  decisionNote: z.string(),
  /** Only the claimant reads the code of an accepted claim. */
  code: z.string().nullable(),
  lockedUntil: z.number().nullable(),
  /** What the viewer may do with this claim now. */
  can: z.array(z.enum(['accept', 'decline', 'withdraw', 'handover'])),
  handedOverAt: z.number().nullable(),
  createdAt: z.number(),
})
export type ClaimView = z.infer<typeof ClaimViewSchema>

export const LostPostDetailSchema = LostPostSummarySchema.extend({
  photoUrls: z.array(z.string()),
  question: z.string(),
  location: LatLngSchema.nullable(),
  gridId: z.string().nullable(),
  isOwner: z.boolean(),
  /** Staff whose scope holds the post (they read the raw text and handle claims). */
  isStaff: z.boolean(),
  closeReason: z.string(),
  expiresAt: z.number(),
  returnedAt: z.number().nullable(),
  /** For the poster and staff: every claim and clue; for anyone else: their own. */
  claims: z.array(ClaimViewSchema),
  /** Open posts of the other kind that may be the same thing (owner and staff only). */
  matches: z.array(LostPostSummarySchema),
  /** 已归还: the finder, the owner and when (parties and staff). */
  handover: z
    .object({ finderName: z.string(), ownerName: z.string(), at: z.number(), pointsAwarded: z.boolean() })
    .nullable(),
  can: z.array(PostEventSchema),
})
export type LostPostDetail = z.infer<typeof LostPostDetailSchema>

const Title = text({ label: '标题', min: 1, max: 30 })
const Body = text({ label: '描述', max: 500, multiline: true })
const Photos = z.array(z.string().min(1).max(200)).max(3, '最多上传 3 张照片')

export const LIST_SCOPES = ['grid', 'street'] as const
export const CLAIM_LISTS = ['mine', 'received', 'grid'] as const

export const lostfoundActions = {
  'lostfound.create': {
    mutating: true,
    input: z
      .object({
        kind: LostKindSchema,
        category: LostCategorySchema.default('other'),
        title: Title,
        text: Body.default(''),
        question: text({ label: '认领问题', max: 50 }).default(''),
        place: text({ label: '地点', max: 50 }).default(''),
        location: LatLngSchema.optional(),
        happenedAt: z.number().int().positive(),
        photos: Photos.default([]),
        wide: z.boolean().default(false),
        /** Staff choose the grid they post for; a resident posts in their home grid. */
        gridId: Id.optional(),
      })
      .strict(),
    output: LostPostDetailSchema,
  },
  'lostfound.list': {
    mutating: false,
    input: z
      .object({
        scope: z.enum(LIST_SCOPES).default('grid'),
        gridId: Id.optional(),
        kind: LostKindSchema.optional(),
        category: LostCategorySchema.optional(),
        /** Posted on or after / before (ms), the day range a person picks. */
        from: z.number().int().optional(),
        to: z.number().int().optional(),
        q: text({ label: '搜索内容', max: 20 }).optional(),
        cursor: Cursor,
      })
      .strict(),
    output: Page(LostPostSummarySchema).extend({
      scope: z.enum(LIST_SCOPES),
      /** The grid or street the list shows, for its title; null when the viewer belongs nowhere yet. */
      placeName: z.string().nullable(),
      gridId: z.string().nullable(),
      /** The grids the viewer may pick (their home grid, the grids they work). */
      grids: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  },
  'lostfound.mine': {
    mutating: false,
    input: z.object({ cursor: Cursor }).strict(),
    output: Page(LostPostSummarySchema),
  },
  'lostfound.get': {
    mutating: false,
    input: z.object({ postId: Id }).strict(),
    output: LostPostDetailSchema,
  },
  'lostfound.edit': {
    mutating: true,
    input: z
      .object({
        postId: Id,
        title: Title.optional(),
        text: Body.optional(),
        question: text({ label: '认领问题', max: 50 }).optional(),
        place: text({ label: '地点', max: 50 }).optional(),
      })
      .strict(),
    output: LostPostDetailSchema,
  },
  'lostfound.renew': { mutating: true, input: z.object({ postId: Id }).strict(), output: LostPostDetailSchema },
  'lostfound.close': {
    mutating: true,
    input: z.object({ postId: Id, reason: text({ label: '关闭原因', min: 1, max: 100 }) }).strict(),
    output: LostPostDetailSchema,
  },
  /** Staff message a resident of the post's grid who may be its owner (found post) or may know. */
  'lostfound.notify': {
    mutating: true,
    input: z.object({ postId: Id, membershipId: Id }).strict(),
    output: z.object({ sent: z.literal(true), name: z.string() }),
  },
  /** 认领: the claimant answers the finder's question privately. */
  'lostfound.claim': {
    mutating: true,
    input: z
      .object({
        postId: Id,
        answer: text({ label: '回答', min: 1, max: 200, multiline: true }),
        lostPostId: Id.optional(),
      })
      .strict(),
    output: ClaimViewSchema,
  },
  /** 我有线索: a private message to the poster of a lost item or a person search. */
  'lostfound.clue': {
    mutating: true,
    input: z.object({ postId: Id, text: text({ label: '线索', min: 1, max: 300, multiline: true }) }).strict(),
    output: ClaimViewSchema,
  },
  'lostfound.decide': {
    mutating: true,
    input: z
      .object({
        claimId: Id,
        accept: z.boolean(),
        note: text({ label: '说明', max: 100 }).default(''),
      })
      .strict(),
    output: ClaimViewSchema,
  },
  'lostfound.withdraw': { mutating: true, input: z.object({ claimId: Id }).strict(), output: ClaimViewSchema },
  /** The finder or grid staff type the code the owner shows: the item is returned. */
  'lostfound.handover': {
    mutating: true,
    input: z
      .object({
        claimId: Id,
        code: z
          .string()
          .transform((s) => s.replace(/\s+/g, ''))
          .refine((s) => /^\d{6}$/.test(s), '交接码是 6 位数字'),
      })
      .strict(),
    output: ClaimViewSchema,
  },
  /**
   * 我的认领 (`mine`: what I claimed or told), 待我处理 (`received`: waiting on my posts), or the grid
   * station's 待处理 (`grid`: claims and hand-overs waiting in the grids a worker holds).
   */
  'lostfound.claims': {
    mutating: false,
    input: z.object({ which: z.enum(CLAIM_LISTS), cursor: Cursor }).strict(),
    output: Page(ClaimViewSchema),
  },
} as const
