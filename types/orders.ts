/** Work orders (工单) as stored: categories, orders and their timeline, with their states and kinds. */
import { z } from 'zod'

import { LatLngSchema } from './common'

export const CategoryDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  name: z.string(),
  /** Hours to accept (接单) after dispatch. */
  acceptHours: z.number().positive(),
  /** Working days to resolve (办结) after acceptance. */
  resolveWorkdays: z.number().int().positive(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
})
export type CategoryDoc = z.infer<typeof CategoryDocSchema>

export const ORDER_STATES = [
  'submitted',
  'dispatched',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'merged',
] as const
export const OrderStateSchema = z.enum(ORDER_STATES)
export type OrderState = z.infer<typeof OrderStateSchema>
export const OPEN_STATES: readonly OrderState[] = ['submitted', 'dispatched', 'accepted', 'in_progress']

export const ORDER_SOURCES = ['snap', 'demand', 'patrol', 'proxy'] as const
export const OrderSourceSchema = z.enum(ORDER_SOURCES)
export type OrderSource = z.infer<typeof OrderSourceSchema>

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export const RatingSchema = z.enum(RATINGS)
export type Rating = z.infer<typeof RatingSchema>

export const ESCALATION_LEVELS = ['grid', 'community', 'street'] as const
export const EscalationSchema = z.enum(ESCALATION_LEVELS)

export const JOINT_KINDS = ['repeat', 'unsatisfied', 'difficult'] as const
export const JointKindSchema = z.enum(JOINT_KINDS)

export const OrderDocSchema = z.object({
  _id: z.string(),
  no: z.string(),
  source: OrderSourceSchema,
  categoryId: z.string(),
  text: z.string(),
  photos: z.array(z.string()),
  location: LatLngSchema.nullable(),
  /** A ~150 m geohash cell of the location, so nearby reports are found by index (null without a place). */
  cell: z.string().nullable().default(null),
  address: z.string(),
  streetId: z.string(),
  communityId: z.string().nullable(),
  /** null = the street's queue (reported outside every grid). */
  gridId: z.string().nullable(),
  departmentId: z.string().nullable(),
  jointDepartmentIds: z.array(z.string()),
  reporterId: z.string(),
  anonymous: z.boolean(),
  /** 代办: the offline resident (membership id) the matter was registered for. */
  onBehalfOf: z.string().nullable(),
  /** The resident's account once they join and claim the offline record: they then see the order as theirs. */
  onBehalfUserId: z.string().nullable().default(null),
  followerIds: z.array(z.string()),
  repeatCount: z.number().int(),
  state: OrderStateSchema,
  handlerId: z.string().nullable(),
  escalation: EscalationSchema,
  supervised: z.boolean(),
  joint: JointKindSchema.nullable(),
  /** The deadline that matters now: accept while dispatched, resolve after; far future once done. */
  dueAt: z.number(),
  acceptDeadline: z.number(),
  resolveDeadline: z.number().nullable(),
  acceptedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  rating: RatingSchema.nullable(),
  ratingComment: z.string(),
  autoClosed: z.boolean(),
  confirmed: z.boolean().default(false),
  /** `<categoryId>|<source>`, set at creation: lets every 待办 filter be part of one indexed query. */
  filterKey: z.string().default(''),
  reopenCount: z.number().int(),
  unsatisfiedCount: z.number().int(),
  mergedInto: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
})
export type OrderDoc = z.infer<typeof OrderDocSchema>

export const TIMELINE_TYPES = [
  'submitted',
  'dispatched',
  'accepted',
  'started',
  'note',
  'resolved',
  'rated',
  'confirmed',
  'reopened',
  'closed',
  'auto_closed',
  'rejected',
  'merged',
  'transferred',
  'escalated',
  'reminded',
  'metoo',
  'joint',
] as const
export const TimelineTypeSchema = z.enum(TIMELINE_TYPES)
export type TimelineType = z.infer<typeof TimelineTypeSchema>

export const TimelineDocSchema = z.object({
  _id: z.string(),
  orderId: z.string(),
  at: z.number(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  /** Orders the timeline when two steps share a millisecond: 2 × the order's version after the step. */
  seq: z.number(),
  type: TimelineTypeSchema,
  note: z.string(),
  photos: z.array(z.string()),
  staffOnly: z.boolean(),
  version: z.number().int(),
})
export type TimelineDoc = z.infer<typeof TimelineDocSchema>
