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
