/** The order actions and what they answer: summaries, details per viewer, events people send, duplicates. */
import { z } from 'zod'
import { CursorSchema as Cursor, IdSchema as Id, LatLngSchema, pageOf as Page, text } from './common'
import {
  EscalationSchema,
  JointKindSchema,
  OrderSourceSchema,
  OrderStateSchema,
  RatingSchema,
  TimelineTypeSchema,
} from './orders'

const Photos = z.array(z.string().min(1).max(200)).max(3, '最多上传 3 张照片')
/** Free text a person writes on an order; `required` names the field in the 请填写 message. */
const Note = (max: number, required?: string) =>
  text({ max, multiline: true, ...(required ? { label: required, min: 1 } : {}) })

export const CategoryViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  acceptHours: z.number(),
  resolveWorkdays: z.number(),
  active: z.boolean(),
})

export const OrderSummarySchema = z.object({
  id: z.string(),
  no: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  text: z.string(),
  state: OrderStateSchema,
  gridName: z.string().nullable(),
  departmentName: z.string().nullable(),
  dueAt: z.number().nullable(),
  overdue: z.boolean(),
  supervised: z.boolean(),
  joint: JointKindSchema.nullable(),
  repeatCount: z.number().int(),
  photoUrl: z.string().nullable(),
  /** 代办: the resident the order was filed for (staff in scope only). */
  onBehalf: z.object({ name: z.string(), address: z.string() }).nullable(),
  createdAt: z.number(),
})
export type OrderSummary = z.infer<typeof OrderSummarySchema>

export const TimelineViewSchema = z.object({
  id: z.string(),
  at: z.number(),
  actorLabel: z.string(),
  type: TimelineTypeSchema,
  note: z.string(),
  photoUrls: z.array(z.string()),
  staffOnly: z.boolean(),
})

export const ORDER_EVENTS = [
  'dispatch',
  'accept',
  'start',
  'note',
  'resolve',
  'rate',
  'confirm',
  'reject',
  'merge',
  'transfer',
  'remind',
  'assign_joint',
] as const

/** A phone, ID or bank number shown masked to staff, which they may reveal one at a time (audited). */
export const HiddenNumberSchema = z.object({
  field: z.enum(['text', 'address', 'ratingComment', 'rejectReason', 'timeline']),
  entryId: z.string().nullable(),
  index: z.number().int(),
  masked: z.string(),
})
export type HiddenNumber = z.infer<typeof HiddenNumberSchema>

export const OrderDetailSchema = OrderSummarySchema.extend({
  source: OrderSourceSchema,
  photoUrls: z.array(z.string()),
  location: LatLngSchema.nullable(),
  /** The place in words: the grid and the nearest landmark. */
  placeText: z.string().nullable(),
  /** The grid it is in (for its map), or null in the street's queue. */
  gridId: z.string().nullable(),
  address: z.string(),
  reporterName: z.string(),
  isReporter: z.boolean(),
  escalation: EscalationSchema,
  acceptedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  rating: RatingSchema.nullable(),
  ratingComment: z.string(),
  autoClosed: z.boolean(),
  /** A staff-filed order closed by its registrar's confirmation (left out of 满意率). */
  confirmed: z.boolean(),
  rejectReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** Numbers masked in this view that the viewer may reveal (staff in scope only). */
  hiddenNumbers: z.array(HiddenNumberSchema),
  jointDepartmentNames: z.array(z.string()),
  timeline: z.array(TimelineViewSchema),
  /** The events this viewer may cause now; the UI shows exactly these buttons. */
  can: z.array(z.enum(ORDER_EVENTS)),
})
export type OrderDetail = z.infer<typeof OrderDetailSchema>

export const OrderEventInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dispatch'), gridId: Id.optional(), departmentId: Id.optional() }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('start'), note: Note(300).default('') }),
  z.object({ type: z.literal('confirm'), note: Note(200).default('') }),
  z.object({ type: z.literal('note'), note: Note(300, '内容'), staffOnly: z.boolean().default(false) }),
  z.object({ type: z.literal('resolve'), note: Note(300).default(''), photos: Photos.default([]) }),
  z.object({ type: z.literal('rate'), rating: RatingSchema, comment: Note(200).default('') }),
  z.object({ type: z.literal('reject'), reason: Note(200, '退回理由') }),
  z.object({ type: z.literal('merge'), intoOrderId: Id }),
  z.object({
    type: z.literal('transfer'),
    gridId: Id.optional(),
    departmentId: Id.optional(),
    reason: Note(200, '转派理由'),
  }),
  z.object({ type: z.literal('remind'), note: Note(200).default('') }),
  z.object({ type: z.literal('assign_joint'), departmentIds: z.array(Id).min(1).max(10) }),
])

export const DuplicateSchema = z.object({
  id: z.string(),
  no: z.string(),
  text: z.string(),
  distanceMetres: z.number(),
  repeatCount: z.number().int(),
  state: OrderStateSchema,
  createdAt: z.number(),
})

/**
 * The queues a person works from: their grids' orders (not those a department holds), what their grids
 * transferred to a department (已转派), their department's desk, their community, the street's queue.
 */
export const INBOX_QUEUES = ['grid', 'transferred', 'department', 'community', 'street'] as const
export const InboxQueueSchema = z.enum(INBOX_QUEUES)
export type InboxQueue = z.infer<typeof InboxQueueSchema>

export const orderActions = {
  'categories.list': {
    mutating: false,
    input: z.object({ streetId: Id.optional() }).strict(),
    output: z.object({ items: z.array(CategoryViewSchema) }),
  },
  'categories.save': {
    mutating: true,
    input: z
      .object({
        id: Id.optional(),
        name: text({ label: '分类名称', min: 1, max: 20 }),
        acceptHours: z.number().min(0.5).max(720),
        resolveWorkdays: z.number().int().min(1).max(60),
        active: z.boolean().default(true),
        streetId: Id.optional(),
      })
      .strict(),
    output: CategoryViewSchema,
  },
  'orders.suggestDuplicates': {
    mutating: false,
    input: z.object({ categoryId: Id, location: LatLngSchema }).strict(),
    output: z.object({ items: z.array(DuplicateSchema) }),
  },
  'orders.create': {
    mutating: true,
    input: z
      .object({
        source: OrderSourceSchema,
        categoryId: Id,
        text: Note(300).default(''),
        photos: Photos.default([]),
        location: LatLngSchema.optional(),
        address: Note(100).default(''),
        gridId: Id.optional(),
        anonymous: z.boolean().default(false),
        onBehalfOf: Id.optional(),
      })
      .strict(),
    output: OrderDetailSchema,
  },
  'orders.metoo': { mutating: true, input: z.object({ orderId: Id }).strict(), output: OrderDetailSchema },
  'orders.get': { mutating: false, input: z.object({ orderId: Id }).strict(), output: OrderDetailSchema },
  /** 我的上报: what I reported, or what a grid worker filed for me (代办) once I claimed my record by joining. */
  'orders.mine': {
    mutating: false,
    input: z.object({ whose: z.enum(['reported', 'proxied']).default('reported'), cursor: Cursor }).strict(),
    output: Page(OrderSummarySchema),
  },
  /** 待办: one of the caller's queues, every filter part of the indexed query so each page but the last is full. */
  'orders.inbox': {
    mutating: false,
    input: z
      .object({
        queue: InboxQueueSchema.optional(),
        /** One state, or `working`: 已接单 and 办理中 together (the desk's 办理中 count). */
        state: z.enum(['dispatched', 'accepted', 'in_progress', 'submitted', 'working']).optional(),
        categoryId: Id.optional(),
        source: OrderSourceSchema.optional(),
        overdue: z.boolean().optional(),
        /** Also count every match (first page only): the list shows it next to the active filters. */
        withTotal: z.boolean().optional(),
        cursor: Cursor,
      })
      .strict(),
    output: Page(OrderSummarySchema).extend({
      queue: InboxQueueSchema.nullable(),
      queues: z.array(InboxQueueSchema),
      /** How many match the filters in all, when asked on the first page (else null). */
      total: z.number().int().nullable(),
    }),
  },
  'orders.act': {
    mutating: true,
    input: z.object({ orderId: Id, event: OrderEventInputSchema }).strict(),
    output: OrderDetailSchema,
  },
  /** One masked number of an order, in full, for staff in scope; every reveal is audited. */
  'orders.reveal': {
    mutating: true,
    input: z
      .object({
        orderId: Id,
        field: HiddenNumberSchema.shape.field,
        entryId: Id.nullable().default(null),
        index: z.number().int().min(0).max(20),
      })
      .strict(),
    output: z.object({ value: z.string() }),
  },
  'orders.overdue': { mutating: false, input: z.object({ cursor: Cursor }).strict(), output: Page(OrderSummarySchema) },
} as const
