/** Shared query planning for every adapter: index coverage, cursor encoding, in-memory checks. */
import { SCHEMA, type CollectionName, type IndexDecl } from './schema'
import { UnindexedQueryError, type Query, type RangeCond, type Scalar, type StoredDoc } from './port'

export const MAX_LIMIT = 100

export interface EqFilter {
  field: string
  op: 'eq'
  value: Scalar
}
export interface InFilter {
  field: string
  op: 'in'
  values: Scalar[]
}
export interface RangeFilter {
  field: string
  op: 'gt' | 'gte' | 'lt' | 'lte'
  value: string | number
}
export type Filter = EqFilter | InFilter | RangeFilter

export interface Plan {
  filters: Filter[]
  orderField: string
  direction: 'asc' | 'desc'
  limit: number
  /** Fingerprint of the query a cursor belongs to. */
  shape: string
  /** Keyset position to resume after: the last item's sort value and _id. */
  after: { value: Scalar; id: string } | null
}

function isRangeCond(v: Scalar | RangeCond): v is RangeCond {
  return typeof v === 'object' && v !== null
}

export function toFilters(where: Query['where']): Filter[] {
  const filters: Filter[] = []
  for (const [field, cond] of Object.entries(where)) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(field)) throw new UnindexedQueryError(`bad field name ${field}`)
    if (!isRangeCond(cond)) {
      filters.push({ field, op: 'eq', value: cond })
      continue
    }
    if (cond.in !== undefined) filters.push({ field, op: 'in', values: cond.in })
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      const value = cond[op]
      if (value !== undefined) filters.push({ field, op, value })
    }
  }
  return filters
}

/** Throws UnindexedQueryError unless a declared index serves the filters and order. */
export function assertIndexed(collection: CollectionName, filters: Filter[], orderField: string | undefined): void {
  const equality = new Set(filters.filter((f) => f.op === 'eq' || f.op === 'in').map((f) => f.field))
  const ranged = new Set(filters.filter((f) => f.op !== 'eq' && f.op !== 'in').map((f) => f.field))
  if (equality.has('_id') && ranged.size === 0 && (orderField === undefined || orderField === '_id')) return
  if (ranged.size > 1) throw new UnindexedQueryError(`${collection}: range on more than one field`)
  const [rangeField] = [...ranged]
  if (rangeField !== undefined && orderField !== undefined && orderField !== rangeField) {
    throw new UnindexedQueryError(`${collection}: range on ${rangeField} but order by ${orderField}`)
  }
  const tail = rangeField ?? orderField
  if (equality.size === 0 && tail === undefined) throw new UnindexedQueryError(`${collection}: full scan`)
  const indexes: readonly IndexDecl[] = SCHEMA[collection].indexes
  const served = indexes.some((index) => {
    const names = index.fields.map((f) => f.field)
    const prefix = new Set(names.slice(0, equality.size))
    if (prefix.size !== equality.size || [...equality].some((f) => !prefix.has(f))) return false
    return tail === undefined || names[equality.size] === tail
  })
  if (!served) {
    throw new UnindexedQueryError(
      `${collection}: no index serves where [${[...equality].join(',')}] range [${rangeField ?? ''}] order [${orderField ?? ''}]`,
    )
  }
}

/**
 * What a cursor may resume: the collection, the order and which fields are filtered how. Values are left
 * out on purpose, so a range that moves with the clock (`dueAt < now`) still pages; a cursor of another
 * query (another list, another order) is refused.
 */
function shapeOf(collection: CollectionName, filters: Filter[], orderField: string, direction: string): string {
  const fields = filters.map((f) => `${f.field}:${f.op === 'in' ? 'eq' : f.op}`).sort()
  const text = [collection, orderField, direction, ...fields].join('|')
  let hash = 0x811c9dc5 // FNV-1a, 32 bits: a fingerprint against mix-ups, not a secret
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/** A cursor names the last item's (sort value, _id) and the shape of the query it came from. */
export function encodeCursor(value: unknown, id: string, shape: string): string {
  return Buffer.from(JSON.stringify([value ?? null, id, shape]), 'utf8').toString('base64url')
}

const isCursorValue = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v)

/** The (sort value, _id) to resume after; InvalidCursorError for garbage or a cursor of another query. */
export function decodeCursor(cursor: string, shape: string): { value: Scalar; id: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError()
  const [value, id, from] = parsed as unknown[]
  if (!isCursorValue(value) || typeof id !== 'string' || from !== shape) throw new InvalidCursorError()
  return { value, id }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor')
    this.name = 'InvalidCursorError'
  }
}

export function planQuery(collection: CollectionName, query: Query): Plan {
  const filters = toFilters(query.where)
  assertIndexed(collection, filters, query.orderBy?.field)
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT) {
    throw new RangeError(`limit must be 1..${MAX_LIMIT}`)
  }
  const orderField = query.orderBy?.field ?? '_id'
  const direction = query.orderBy?.direction ?? 'asc'
  const shape = shapeOf(collection, filters, orderField, direction)
  return {
    filters,
    orderField,
    direction,
    limit: query.limit,
    shape,
    after: query.cursor ? decodeCursor(query.cursor, shape) : null,
  }
}

export function readField(doc: StoredDoc, path: string): unknown {
  let value: unknown = doc
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** Builds the page result from `limit + 1` fetched rows, parsing (`parse`) only the ones the page returns. */
export function toPage<R>(
  rows: R[],
  plan: Plan,
  parse: (row: R) => StoredDoc,
): { items: StoredDoc[]; nextCursor: string | null } {
  const items = rows.slice(0, plan.limit).map(parse)
  const last = items[items.length - 1]
  const nextCursor =
    rows.length > plan.limit && last ? encodeCursor(readField(last, plan.orderField), last._id, plan.shape) : null
  return { items, nextCursor }
}
