/**
 * The one declaration of collections and their indexes. The SQLite adapter builds expression
 * indexes from it; scripts/build-functions.ts emits the CloudBase index config from it.
 */
export interface IndexDecl {
  name: string
  fields: { field: string; direction: 'asc' | 'desc' }[]
  unique?: boolean
}

export interface CollectionDecl {
  /** Who may read/write directly from a client; everything here goes through the api function. */
  rule: 'function_only'
  indexes: IndexDecl[]
  /** Documents expire by this numeric (ms epoch) field, swept by the jobs tick. */
  ttlField?: string
}

const asc = (field: string) => ({ field, direction: 'asc' as const })
const desc = (field: string) => ({ field, direction: 'desc' as const })

export const SCHEMA = {
  users: {
    rule: 'function_only',
    indexes: [
      { name: 'openId', fields: [asc('openId')], unique: true },
      { name: 'homeGrid', fields: [asc('homeGridId'), asc('createdAt')] },
    ],
  },
  streets: { rule: 'function_only', indexes: [{ name: 'name', fields: [asc('name')] }] },
  communities: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), asc('name')] }] },
  grids: {
    rule: 'function_only',
    indexes: [
      { name: 'community', fields: [asc('communityId'), asc('code')] },
      { name: 'street', fields: [asc('streetId'), asc('code')] },
    ],
  },
  departments: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), asc('name')] }] },
  landmarks: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), asc('name')] }] },
  memberships: {
    rule: 'function_only',
    indexes: [
      { name: 'grid', fields: [asc('gridId'), asc('active'), desc('joinedAt')] },
      { name: 'user', fields: [asc('userId'), desc('joinedAt')] },
    ],
  },
  joincodes: { rule: 'function_only', indexes: [{ name: 'grid', fields: [asc('gridId'), desc('createdAt')] }] },
  invites: {
    rule: 'function_only',
    indexes: [
      { name: 'street', fields: [asc('streetId'), desc('createdAt')] },
      { name: 'community', fields: [asc('communityId'), desc('createdAt')] },
      { name: 'code', fields: [asc('code')], unique: true },
    ],
  },
  categories: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), asc('sort')] }] },
  orders: {
    rule: 'function_only',
    indexes: [
      // 待办 queues, each with and without the category/source filter key (see modules/orders/lists.ts).
      { name: 'gridQueue', fields: [asc('gridId'), asc('departmentId'), asc('state'), asc('dueAt')] },
      {
        name: 'gridQueueFiltered',
        fields: [asc('gridId'), asc('departmentId'), asc('filterKey'), asc('state'), asc('dueAt')],
      },
      { name: 'departmentInbox', fields: [asc('departmentId'), asc('state'), asc('dueAt')] },
      { name: 'departmentFiltered', fields: [asc('departmentId'), asc('filterKey'), asc('state'), asc('dueAt')] },
      { name: 'communityInbox', fields: [asc('communityId'), asc('state'), asc('dueAt')] },
      { name: 'communityFiltered', fields: [asc('communityId'), asc('filterKey'), asc('state'), asc('dueAt')] },
      {
        name: 'streetQueue',
        fields: [asc('streetId'), asc('gridId'), asc('departmentId'), asc('state'), asc('dueAt')],
      },
      {
        name: 'streetQueueFiltered',
        fields: [asc('streetId'), asc('gridId'), asc('departmentId'), asc('filterKey'), asc('state'), asc('dueAt')],
      },
      { name: 'reporter', fields: [asc('reporterId'), desc('createdAt')] },
      { name: 'proxied', fields: [asc('onBehalfUserId'), desc('createdAt')] },
      { name: 'proxyRecord', fields: [asc('onBehalfOf'), desc('createdAt')] },
      { name: 'nearby', fields: [asc('categoryId'), asc('cell'), desc('createdAt')] },
      { name: 'streetSupervised', fields: [asc('streetId'), asc('supervised'), asc('state'), asc('dueAt')] },
      { name: 'communitySupervised', fields: [asc('communityId'), asc('supervised'), asc('state'), asc('dueAt')] },
      { name: 'deadline', fields: [asc('state'), asc('dueAt')] },
      { name: 'resolved', fields: [asc('state'), asc('resolvedAt')] },
      // Reports accepted lately, which the jobs tick checks have earned their reporter's points.
      { name: 'accepted', fields: [asc('acceptedAt')] },
    ],
  },
  timeline: { rule: 'function_only', indexes: [{ name: 'order', fields: [asc('orderId'), asc('seq')] }] },
  quotas: { rule: 'function_only', indexes: [{ name: 'expiry', fields: [asc('expiresAt')] }], ttlField: 'expiresAt' },
  /** One counter per street and day: the next order number (modules/orders/numbers.ts). */
  counters: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), desc('day')] }] },
  /** Duplicate suggestions shown to a reporter: the door to 我也遇到 (follow) from outside the order's grid. */
  suggestions: {
    rule: 'function_only',
    indexes: [{ name: 'expiry', fields: [asc('expiresAt')] }],
    ttlField: 'expiresAt',
  },
  /** 寻物启事 / 失物招领 / 寻人 (modules/lostfound): lists by grid or street-wide, every filter in the index. */
  lostposts: {
    rule: 'function_only',
    indexes: [
      { name: 'grid', fields: [asc('gridId'), asc('state'), desc('createdAt')] },
      { name: 'gridFiltered', fields: [asc('gridId'), asc('state'), asc('filterKey'), desc('createdAt')] },
      { name: 'wide', fields: [asc('streetId'), asc('wide'), asc('state'), desc('createdAt')] },
      {
        name: 'wideFiltered',
        fields: [asc('streetId'), asc('wide'), asc('state'), asc('filterKey'), desc('createdAt')],
      },
      { name: 'match', fields: [asc('streetId'), asc('state'), asc('filterKey'), desc('createdAt')] },
      { name: 'owner', fields: [asc('ownerId'), desc('createdAt')] },
      { name: 'expiry', fields: [asc('state'), asc('expiresAt')] },
    ],
  },
  /** One entry per search word of an open post: keyword search is an indexed equality, not a scan. */
  lostwords: {
    rule: 'function_only',
    indexes: [
      { name: 'grid', fields: [asc('gridId'), asc('word'), desc('createdAt')] },
      { name: 'wide', fields: [asc('streetId'), asc('wide'), asc('word'), desc('createdAt')] },
    ],
  },
  /** Claims on found items and clues (我有线索) to lost items and person searches. */
  lostclaims: {
    rule: 'function_only',
    indexes: [
      { name: 'post', fields: [asc('postId'), desc('createdAt')] },
      { name: 'claimant', fields: [asc('claimantId'), desc('createdAt')] },
      { name: 'poster', fields: [asc('posterId'), asc('state'), desc('createdAt')] },
      { name: 'grid', fields: [asc('gridId'), asc('state'), desc('createdAt')] },
      { name: 'community', fields: [asc('communityId'), asc('state'), desc('createdAt')] },
      { name: 'street', fields: [asc('streetId'), asc('state'), desc('createdAt')] },
    ],
  },
  /** Returned items, one per post: the finder's points are awarded from these exactly once. */
  lostreturns: {
    rule: 'function_only',
    indexes: [{ name: 'pending', fields: [asc('pointsAwarded'), asc('at')] }],
  },
  /** Credit (modules/credit): rules per street and event, one account per person, the append-only ledger. */
  creditrules: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), asc('event')] }] },
  accounts: {
    rule: 'function_only',
    indexes: [
      { name: 'user', fields: [asc('userId')] },
      { name: 'gridRank', fields: [asc('gridId'), asc('rankHidden'), desc('balance')] },
      { name: 'streetRank', fields: [asc('streetId'), asc('rankHidden'), desc('balance')] },
    ],
  },
  ledger: {
    rule: 'function_only',
    indexes: [
      { name: 'user', fields: [asc('userId'), desc('at')] },
      { name: 'userExpiry', fields: [asc('userId'), asc('kind'), asc('expiresAt')] },
      { name: 'expiry', fields: [asc('kind'), asc('expiresAt')] },
      { name: 'streetMonth', fields: [asc('streetId'), asc('month'), asc('at')] },
    ],
  },
  /** Points one person earned from one event on one day (`cap_<user>_<event>_<day>`), for the daily caps. */
  creditcaps: { rule: 'function_only', indexes: [] },
  /** Points issued, redeemed and expired per street, grid and month (`cs_<street>_<grid>_<month>`). */
  creditstats: { rule: 'function_only', indexes: [{ name: 'month', fields: [asc('streetId'), asc('month')] }] },
  exchangepoints: { rule: 'function_only', indexes: [{ name: 'street', fields: [asc('streetId'), asc('name')] }] },
  marketitems: {
    rule: 'function_only',
    indexes: [{ name: 'street', fields: [asc('streetId'), asc('active'), desc('createdAt')] }],
  },
  vouchers: {
    rule: 'function_only',
    indexes: [
      { name: 'code', fields: [asc('code')], unique: true },
      { name: 'user', fields: [asc('userId'), desc('createdAt')] },
      { name: 'item', fields: [asc('itemId'), desc('createdAt')] },
      { name: 'streetMonth', fields: [asc('streetId'), desc('createdAt')] },
    ],
  },
  /** Vouchers one person redeemed of one item (`lim_<item>_<user>`), for the per-person limit. */
  redeemlimits: { rule: 'function_only', indexes: [] },
  activities: {
    rule: 'function_only',
    indexes: [{ name: 'street', fields: [asc('streetId'), desc('startsAt')] }],
  },
  signups: {
    rule: 'function_only',
    indexes: [
      { name: 'activity', fields: [asc('activityId'), asc('createdAt')] },
      { name: 'code', fields: [asc('activityId'), asc('code')] },
    ],
  },
  files: {
    rule: 'function_only',
    indexes: [
      { name: 'owner', fields: [asc('ownerId'), desc('createdAt')] },
      { name: 'checkTrace', fields: [asc('check.traceId')] },
    ],
  },
  messages: { rule: 'function_only', indexes: [{ name: 'inbox', fields: [asc('userId'), desc('createdAt')] }] },
  requests: {
    rule: 'function_only',
    indexes: [{ name: 'expiry', fields: [asc('expiresAt')] }],
    ttlField: 'expiresAt',
  },
  audit: {
    rule: 'function_only',
    indexes: [
      { name: 'street', fields: [asc('streetId'), desc('at')] },
      { name: 'community', fields: [asc('communityId'), desc('at')] },
      { name: 'actor', fields: [asc('actorId'), desc('at')] },
    ],
  },
  jobruns: { rule: 'function_only', indexes: [{ name: 'time', fields: [desc('startedAt')] }] },
  /** The grid feed (modules/feed): posts once, and one entry per grid they reach, pinned first then newest. */
  feedposts: { rule: 'function_only', indexes: [{ name: 'author', fields: [asc('authorId'), desc('createdAt')] }] },
  feeditems: {
    rule: 'function_only',
    indexes: [{ name: 'grid', fields: [asc('gridId'), asc('live'), desc('sortKey')] }],
  },
  feedreads: {
    rule: 'function_only',
    indexes: [
      { name: 'post', fields: [asc('postId'), desc('at')] },
      { name: 'viaGroup', fields: [asc('postId'), asc('via'), desc('at')] },
    ],
  },
  feedrelays: { rule: 'function_only', indexes: [{ name: 'post', fields: [asc('postId'), asc('at')] }] },
  /** WeChat groups bound to grids, by a hash of the opengid (one group ↔ one grid). */
  wxgroups: { rule: 'function_only', indexes: [{ name: 'grid', fields: [asc('gridId')] }] },
  /** Questions (问答): a grid's, its 待回复, the asker's own, and the open ones the tick flags when unanswered. */
  questions: {
    rule: 'function_only',
    indexes: [
      { name: 'grid', fields: [asc('gridId'), desc('createdAt')] },
      { name: 'pending', fields: [asc('gridId'), asc('state'), asc('staffReplied'), desc('createdAt')] },
      { name: 'asker', fields: [asc('askerId'), desc('createdAt')] },
      { name: 'unanswered', fields: [asc('state'), asc('staffReplied'), asc('flagged'), asc('createdAt')] },
      { name: 'communityFlagged', fields: [asc('communityId'), asc('state'), asc('staffReplied'), asc('flagged')] },
    ],
  },
  replies: { rule: 'function_only', indexes: [{ name: 'question', fields: [asc('questionId'), asc('createdAt')] }] },
  /** Search words of 明白纸 and questions, one entry per word, by grid. */
  feedwords: {
    rule: 'function_only',
    indexes: [{ name: 'grid', fields: [asc('gridId'), asc('word'), desc('createdAt')] }],
  },
  /** Synthetic documents used by the store contract suite and the benchmark. */
  probes: {
    rule: 'function_only',
    indexes: [
      { name: 'owner', fields: [asc('owner'), desc('createdAt')] },
      { name: 'kindScore', fields: [asc('kind'), asc('score')] },
    ],
  },
} as const satisfies Record<string, CollectionDecl>

export type CollectionName = keyof typeof SCHEMA
export const COLLECTIONS = Object.keys(SCHEMA) as CollectionName[]

export function isCollectionName(name: string): name is CollectionName {
  return Object.prototype.hasOwnProperty.call(SCHEMA, name)
}
