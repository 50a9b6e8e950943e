/**
 * Credit points (信用+微治理) and the points market (信用集市): an append-only ledger with deterministic entry
 * ids and one account document per person, rules per event, volunteer activities, market items, vouchers,
 * and the 兑换点 (exchange points) where counter staff mark vouchers used.
 */
import { z } from 'zod'
import { CursorSchema as Cursor, IdSchema as Id, pageOf as Page, text } from './common'

/** What earns points; each street configures points, a daily cap and an expiry per event. */
export const CREDIT_EVENTS = [
  'report_valid',
  'report_rated',
  'lost_returned',
  'volunteer_hour',
  'rider_pledge',
  'grid_joined',
] as const
export const CreditEventSchema = z.enum(CREDIT_EVENTS)
export type CreditEvent = z.infer<typeof CreditEventSchema>

/** Points earned may last forever or until the end of the year after they were earned. */
export const EXPIRY_POLICIES = ['never', 'end_of_next_year'] as const
export const ExpiryPolicySchema = z.enum(EXPIRY_POLICIES)

export const CreditRuleDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  event: CreditEventSchema,
  /** Points per event (per hour for volunteer hours). */
  points: z.number().int(),
  /** Most points one person earns from this event in a day (China Standard Time); 0 = no cap. */
  dailyCap: z.number().int(),
  expiry: ExpiryPolicySchema,
  active: z.boolean(),
  version: z.number().int(),
})
export type CreditRuleDoc = z.infer<typeof CreditRuleDocSchema>

/** One per person (`acct_<userId>`): the balance the ledger sums to. */
export const AccountDocSchema = z.object({
  _id: z.string(),
  userId: z.string(),
  balance: z.number().int(),
  earned: z.number().int(),
  spent: z.number().int(),
  expired: z.number().int(),
  /** Where the person ranks: their home grid and street when the account was opened or last earned. */
  streetId: z.string().nullable(),
  gridId: z.string().nullable(),
  /** Opted out of public ranking. */
  rankHidden: z.boolean(),
  version: z.number().int(),
})
export type AccountDoc = z.infer<typeof AccountDocSchema>

export const LEDGER_KINDS = ['earn', 'revoke', 'spend', 'expire', 'correct'] as const
export const LedgerKindSchema = z.enum(LEDGER_KINDS)
export type LedgerKind = z.infer<typeof LedgerKindSchema>

export const LedgerDocSchema = z.object({
  /** Derived from (rule, subject, user) for earnings; from the voucher or the tick's date otherwise. */
  _id: z.string(),
  userId: z.string(),
  kind: LedgerKindSchema,
  /** Signed: earnings positive, spending, expiry and revocations negative. */
  points: z.number().int(),
  event: CreditEventSchema.nullable(),
  /** What earned or spent it: an order, a return, a signup, a voucher, a user (joining). */
  subjectType: z.string(),
  subjectId: z.string(),
  reason: z.string(),
  /** The page that shows the subject, when there is one. */
  link: z.string().nullable(),
  at: z.number(),
  /** `YYYY-MM` in China Standard Time, for the admins' monthly figures. */
  month: z.string(),
  /** When an earning's points lapse (null = never). */
  expiresAt: z.number().nullable(),
  streetId: z.string().nullable(),
  gridId: z.string().nullable(),
  /** Staff who confirmed or corrected it. */
  byId: z.string().nullable(),
  version: z.number().int(),
})
export type LedgerDoc = z.infer<typeof LedgerDocSchema>

/** A 兑换点 where vouchers are collected; counter staff are granted one by invite. */
export const ExchangePointDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  communityId: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  version: z.number().int(),
})
export type ExchangePointDoc = z.infer<typeof ExchangePointDocSchema>

export const MarketItemDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  /** A community's own item; null = the street's. */
  communityId: z.string().nullable(),
  exchangePointId: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number().int(),
  /** What is left to redeem. */
  stock: z.number().int(),
  /** Vouchers issued for it so far (npm run check:ledger counts them). */
  issued: z.number().int().default(0),
  perPersonLimit: z.number().int(),
  /** Vouchers are valid until this day's end (ms); the item is offered until then. */
  validUntil: z.number(),
  active: z.boolean(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type MarketItemDoc = z.infer<typeof MarketItemDocSchema>

export const VoucherDocSchema = z.object({
  _id: z.string(),
  /** Unguessable, shown with its QR to the counter. */
  code: z.string(),
  itemId: z.string(),
  userId: z.string(),
  exchangePointId: z.string(),
  streetId: z.string(),
  communityId: z.string().nullable(),
  price: z.number().int(),
  state: z.enum(['issued', 'used']),
  validUntil: z.number(),
  usedAt: z.number().nullable(),
  usedBy: z.string().nullable(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type VoucherDoc = z.infer<typeof VoucherDocSchema>

export const ActivityDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  communityId: z.string().nullable(),
  gridId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  place: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  capacity: z.number().int(),
  signedUp: z.number().int(),
  createdBy: z.string(),
  cancelled: z.boolean(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type ActivityDoc = z.infer<typeof ActivityDocSchema>

/** `su_<activityId>_<userId>`: one sign-up per person and activity. */
export const SignupDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  userId: z.string(),
  streetId: z.string(),
  communityId: z.string().nullable(),
  gridId: z.string().nullable(),
  state: z.enum(['signed', 'checked_in', 'confirmed', 'cancelled']),
  /** The 6-digit code the volunteer shows to be checked in. */
  code: z.string(),
  hours: z.number().nullable(),
  checkedInAt: z.number().nullable(),
  confirmedBy: z.string().nullable(),
  createdAt: z.number(),
  version: z.number().int(),
})
export type SignupDoc = z.infer<typeof SignupDocSchema>

// ——— views ———

export const LedgerViewSchema = z.object({
  id: z.string(),
  kind: LedgerKindSchema,
  points: z.number().int(),
  reason: z.string(),
  link: z.string().nullable(),
  at: z.number(),
  expiresAt: z.number().nullable(),
})

export const CreditSummarySchema = z.object({
  balance: z.number().int(),
  earned: z.number().int(),
  spent: z.number().int(),
  /** Points that lapse within 60 days, and the first date they do. */
  expiringSoon: z.object({ points: z.number().int(), at: z.number().nullable() }),
  rankHidden: z.boolean(),
  /** 1-based rank by balance among people of the grid / street who rank publicly; null when hidden or nowhere. */
  gridRank: z.number().int().nullable(),
  streetRank: z.number().int().nullable(),
  /** The top of the grid, names masked (张**). */
  leaders: z.array(z.object({ name: z.string(), balance: z.number().int(), isMe: z.boolean() })),
})
export type CreditSummary = z.infer<typeof CreditSummarySchema>

export const MarketItemViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number().int(),
  stock: z.number().int(),
  perPersonLimit: z.number().int(),
  /** How many the viewer already redeemed. */
  mine: z.number().int(),
  validUntil: z.number(),
  exchangePoint: z.object({ id: z.string(), name: z.string(), address: z.string() }),
  scopeLabel: z.string(),
  active: z.boolean(),
})
export type MarketItemView = z.infer<typeof MarketItemViewSchema>

export const VoucherViewSchema = z.object({
  id: z.string(),
  /** The full code for its owner; masked for counter staff until they type it. */
  code: z.string(),
  itemName: z.string(),
  price: z.number().int(),
  state: z.enum(['issued', 'used', 'expired']),
  exchangePointName: z.string(),
  exchangePointAddress: z.string(),
  validUntil: z.number(),
  usedAt: z.number().nullable(),
  holderName: z.string(),
  createdAt: z.number(),
})
export type VoucherView = z.infer<typeof VoucherViewSchema>

export const ActivityViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  place: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  capacity: z.number().int(),
  signedUp: z.number().int(),
  scopeLabel: z.string(),
  /** Points a volunteer earns per confirmed hour under the street's rule. */
  pointsPerHour: z.number().int(),
  cancelled: z.boolean(),
  /** The viewer's own sign-up (with its check-in code). */
  mySignup: z
    .object({ id: z.string(), state: SignupDocSchema.shape.state, code: z.string(), hours: z.number().nullable() })
    .nullable(),
  /** Staff in scope: who signed up. */
  signups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      state: SignupDocSchema.shape.state,
      hours: z.number().nullable(),
    }),
  ),
  can: z.array(z.enum(['signup', 'cancel_signup', 'checkin', 'confirm'])),
})
export type ActivityView = z.infer<typeof ActivityViewSchema>

export const CreditRuleViewSchema = z.object({
  event: CreditEventSchema,
  points: z.number().int(),
  dailyCap: z.number().int(),
  expiry: ExpiryPolicySchema,
  active: z.boolean(),
})

export const CreditStatRowSchema = z.object({
  month: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string(),
  issued: z.number().int(),
  redeemed: z.number().int(),
  expired: z.number().int(),
})

/** A whole number a person types; only a missing or non-number value reads 请填写…, every bound has its own sentence. */
const Points = z
  .number({ error: (issue) => (issue.code === 'invalid_type' ? '请填写数字' : undefined) })
  .int('必须是整数')
const When = z.number().int().positive()

export const creditActions = {
  /** My balance, expiring points, rank and the grid's leaders. */
  'credit.summary': { mutating: false, input: z.object({}).strict(), output: CreditSummarySchema },
  'credit.ledger': {
    mutating: false,
    input: z.object({ cursor: Cursor }).strict(),
    output: Page(LedgerViewSchema),
  },
  'credit.setRanking': {
    mutating: true,
    input: z.object({ hidden: z.boolean() }).strict(),
    output: CreditSummarySchema,
  },
  'credit.rules': {
    mutating: false,
    input: z.object({ streetId: Id.optional() }).strict(),
    output: z.object({ items: z.array(CreditRuleViewSchema) }),
  },
  'credit.saveRule': {
    mutating: true,
    input: z
      .object({
        streetId: Id.optional(),
        event: CreditEventSchema,
        points: Points.min(0, '积分不能为负数').max(1000, '单次积分最多 1000'),
        dailyCap: Points.min(0, '每日上限不能为负数').max(10000, '每日上限最多 10000'),
        expiry: ExpiryPolicySchema,
        active: z.boolean(),
      })
      .strict(),
    output: CreditRuleViewSchema,
  },
  /** A correction by a compensating entry with its reason (never an edit); admins of the person's place. */
  'credit.correct': {
    mutating: true,
    input: z
      .object({
        userId: Id,
        points: Points.refine((n) => n !== 0, '调整积分不能为 0').refine(
          (n) => Math.abs(n) <= 10000,
          '单次调整最多 10000',
        ),
        reason: text({ label: '调整原因', min: 1, max: 100 }),
      })
      .strict(),
    output: LedgerViewSchema,
  },
  /** Points issued, redeemed and expired per grid and month in the admin's street or community. */
  'credit.stats': {
    mutating: false,
    input: z
      .object({
        month: z
          .string()
          .regex(/^\d{4}-\d{2}$/, '月份格式应为 2026-11')
          .optional(),
      })
      .strict(),
    output: z.object({ items: z.array(CreditStatRowSchema) }),
  },
  /** The ledger or the redemptions of a month as an Excel workbook (a file URL to open or download). */
  'credit.export': {
    mutating: true,
    input: z
      .object({
        what: z.enum(['ledger', 'redemptions']),
        month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 2026-11'),
      })
      .strict(),
    output: z.object({ url: z.string(), fileName: z.string(), rows: z.number().int() }),
  },

  'market.list': {
    mutating: false,
    input: z.object({ cursor: Cursor, manage: z.boolean().default(false) }).strict(),
    output: Page(MarketItemViewSchema),
  },
  'market.save': {
    mutating: true,
    input: z
      .object({
        id: Id.optional(),
        communityId: Id.optional(),
        exchangePointId: Id,
        name: text({ label: '名称', min: 1, max: 30 }),
        description: text({ label: '说明', max: 200, multiline: true }).default(''),
        price: Points.min(1, '所需积分至少为 1').max(100000, '所需积分最多 100000'),
        stock: Points.min(0, '库存不能为负数').max(100000, '库存最多 100000'),
        perPersonLimit: Points.min(1, '每人限兑至少 1 件').max(100, '每人限兑最多 100 件'),
        validUntil: When,
        active: z.boolean().default(true),
      })
      .strict(),
    output: MarketItemViewSchema,
  },
  /** One transaction over the account and the item (both by id): no negative balance, no oversell. */
  'market.redeem': {
    mutating: true,
    input: z.object({ itemId: Id }).strict(),
    output: VoucherViewSchema,
  },
  'market.vouchers': {
    mutating: false,
    input: z.object({ cursor: Cursor }).strict(),
    output: Page(VoucherViewSchema),
  },
  'market.exchangePoints': {
    mutating: false,
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), address: z.string() })) }),
  },
  /** Counter staff type or scan a voucher code at their 兑换点: marked used, once. */
  'market.useVoucher': {
    mutating: true,
    input: z
      .object({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-HJ-NP-Z2-9]{10}$/, '兑换码应为 10 位字母或数字'),
      })
      .strict(),
    output: VoucherViewSchema,
  },

  'activities.list': {
    mutating: false,
    input: z.object({ cursor: Cursor }).strict(),
    output: Page(ActivityViewSchema),
  },
  'activities.get': { mutating: false, input: z.object({ activityId: Id }).strict(), output: ActivityViewSchema },
  'activities.create': {
    mutating: true,
    input: z
      .object({
        gridId: Id.optional(),
        communityId: Id.optional(),
        title: text({ label: '活动名称', min: 1, max: 30 }),
        description: text({ label: '活动说明', max: 300, multiline: true }).default(''),
        place: text({ label: '地点', min: 1, max: 50 }),
        startsAt: When,
        endsAt: When,
        capacity: Points.min(1, '名额至少 1 人').max(1000, '名额最多 1000 人'),
      })
      .strict(),
    output: ActivityViewSchema,
  },
  /** Sign up, never beyond the places available, also when many sign up at once. */
  'activities.signup': { mutating: true, input: z.object({ activityId: Id }).strict(), output: ActivityViewSchema },
  'activities.cancelSignup': {
    mutating: true,
    input: z.object({ activityId: Id }).strict(),
    output: ActivityViewSchema,
  },
  /** Staff check a volunteer in with the code they show. */
  'activities.checkin': {
    mutating: true,
    input: z
      .object({
        activityId: Id,
        code: z
          .string()
          .transform((s) => s.replace(/\s+/g, ''))
          .refine((s) => /^\d{6}$/.test(s), '签到码是 6 位数字'),
      })
      .strict(),
    output: ActivityViewSchema,
  },
  /** Staff confirm a checked-in volunteer's hours: the points follow the street's rule. */
  'activities.confirm': {
    mutating: true,
    input: z
      .object({
        signupId: Id,
        hours: z
          .number('请填写时长')
          .min(0.5, '时长至少 0.5 小时')
          .max(12, '时长最多 12 小时')
          .multipleOf(0.5, '时长按半小时计'),
      })
      .strict(),
    output: ActivityViewSchema,
  },
} as const
