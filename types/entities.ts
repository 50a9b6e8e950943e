import { z } from 'zod'

export const ROLES = [
  'resident',
  'rider',
  'building_head',
  'grid_worker',
  'department',
  'community_admin',
  'street_admin',
] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

export const STAFF_ROLES: readonly Role[] = [
  'building_head',
  'grid_worker',
  'department',
  'community_admin',
  'street_admin',
]
export const ADMIN_ROLES: readonly Role[] = ['community_admin', 'street_admin']

/** A role granted to a user, with the scope it applies to. */
export const RoleGrantSchema = z.object({
  role: RoleSchema,
  gridIds: z.array(z.string()).optional(),
  communityId: z.string().optional(),
  streetId: z.string().optional(),
  departmentId: z.string().optional(),
})
export type RoleGrant = z.infer<typeof RoleGrantSchema>

export const LatLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
})
export type LatLng = z.infer<typeof LatLngSchema>

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

export const StreetDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  district: z.string(),
  version: z.number().int(),
})
export type StreetDoc = z.infer<typeof StreetDocSchema>

export const CommunityDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  name: z.string(),
  version: z.number().int(),
})
export type CommunityDoc = z.infer<typeof CommunityDocSchema>

export const GridDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  communityId: z.string(),
  name: z.string(),
  code: z.string(),
  polygon: z.array(LatLngSchema),
  workerIds: z.array(z.string()),
  archived: z.boolean(),
  notes: z.string().default(''),
  departmentIds: z.array(z.string()).default([]),
  buildingHeadIds: z.array(z.string()).default([]),
  /** The current join code; older codes stay in `joincodes` marked rotated. */
  joinCode: z.string().default(''),
  createdAt: z.number().default(0),
  version: z.number().int(),
})
export type GridDoc = z.infer<typeof GridDocSchema>

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

export const DepartmentDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  name: z.string(),
  field: z.string(),
  /** The desk phone residents may call (masked on every public page). */
  contactPhone: z.string().nullable().default(null),
  version: z.number().int(),
})
export type DepartmentDoc = z.infer<typeof DepartmentDocSchema>

/** A resident's membership of a grid; moving home deactivates the old one (kept as history). */
export const MembershipDocSchema = z.object({
  _id: z.string(),
  gridId: z.string(),
  /** null for a resident registered offline by a grid worker (no phone, no account). */
  userId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  active: z.boolean(),
  offline: z.boolean(),
  joinedAt: z.number(),
  leftAt: z.number().nullable(),
  version: z.number().int(),
})
export type MembershipDoc = z.infer<typeof MembershipDocSchema>

export const JoinCodeDocSchema = z.object({
  _id: z.string(),
  gridId: z.string(),
  active: z.boolean(),
  createdAt: z.number(),
  rotatedAt: z.number().nullable(),
  version: z.number().int(),
})
export type JoinCodeDoc = z.infer<typeof JoinCodeDocSchema>

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
