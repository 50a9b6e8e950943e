/** The SQL the SQLite adapter runs: expression indexes ending in _id, keyset pages that seek, merged IN branches. */
import { SCHEMA, type CollectionName, type IndexDecl } from './schema'
import type { Filter, Plan } from './plan'

export type SqlValue = string | number | null

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`
const jsonPath = (field: string) => `json_extract(doc, '$.${field}')`
const col = (field: string) => (field === '_id' ? '_id' : jsonPath(field))

export function toSql(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' || typeof value === 'number') return value
  return null
}

/**
 * A declared index with _id appended in the direction of its last field: the index then holds the
 * `ORDER BY field, _id` of a page itself, and a cursor's (value, _id) is a position in it.
 */
export function indexSql(collection: CollectionName, index: IndexDecl): string {
  const fields = index.fields.map((f) => ({ field: f.field, direction: f.direction }))
  const last = fields[fields.length - 1]
  if (last && last.field !== '_id') fields.push({ field: '_id', direction: last.direction })
  const cols = fields.map((f) => `${col(f.field)} ${f.direction.toUpperCase()}`).join(', ')
  return `CREATE INDEX ${q(`${collection}__${index.name}`)} ON ${q(collection)} (${cols})`
}

export const indexesOf = (collection: CollectionName) =>
  new Map(
    SCHEMA[collection].indexes.map((index: IndexDecl) => [`${collection}__${index.name}`, indexSql(collection, index)]),
  )

/** One SQL condition per filter; their values are appended to `params` in order. */
export function whereSql(filters: Filter[], params: SqlValue[]): string[] {
  return filters.map((f) => {
    const c = col(f.field)
    if (f.op === 'eq') {
      if (f.value === null) return `${c} IS NULL`
      params.push(toSql(f.value))
      return `${c} = ?`
    }
    if (f.op === 'in') {
      if (f.values.length === 0) return '0'
      params.push(...f.values.map(toSql))
      return `${c} IN (${f.values.map(() => '?').join(',')})`
    }
    params.push(toSql(f.value))
    return `${c} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op]} ?`
  })
}

const MAX_BRANCHES = 64

/** Rewrites `in` filters into the cartesian product of equality filters (up to MAX_BRANCHES). */
export function expandIn(filters: Filter[]): Filter[][] {
  let branches: Filter[][] = [[]]
  for (const f of filters) {
    if (f.op !== 'in' || f.values.length === 0) {
      branches = branches.map((b) => [...b, f])
      continue
    }
    if (branches.length * f.values.length > MAX_BRANCHES) return [filters]
    branches = branches.flatMap((b) => f.values.map((value) => [...b, { field: f.field, op: 'eq' as const, value }]))
  }
  return branches
}

/** `ORDER BY … LIMIT …` of a plan: ties on the order field are broken by _id; one row more tells of a next page. */
function orderLimitSql(plan: Plan, orderExpr = col(plan.orderField)): string {
  const dir = plan.direction === 'asc' ? 'ASC' : 'DESC'
  const tieBreak = plan.orderField === '_id' ? '' : `, _id ${dir}`
  return ` ORDER BY ${orderExpr} ${dir}${tieBreak} LIMIT ${plan.limit + 1}`
}

/**
 * The keyset condition that resumes after the cursor's (value, _id): `(o, _id) > (v, id)`. SQLite does not
 * seek an expression index on a row value, so `o >= v` goes with it: the scan starts at v, not at the start.
 */
function afterCursorSql(plan: Plan, params: SqlValue[]): string[] {
  if (!plan.after) return []
  const cmp = plan.direction === 'asc' ? '>' : '<'
  if (plan.orderField === '_id') {
    params.push(plan.after.id)
    return [`_id ${cmp} ?`]
  }
  const order = col(plan.orderField)
  const value = toSql(plan.after.value)
  params.push(value, value, plan.after.id)
  return [`${order} ${cmp}= ?`, `(${order}, _id) ${cmp} (?, ?)`]
}

/** One ordered, limited scan of the rows matching `filters` after the cursor; `keyed` adds what a merge sorts by. */
function selectSql(
  collection: CollectionName,
  plan: Plan,
  filters: Filter[],
  params: SqlValue[],
  keyed = false,
): string {
  const clauses = [...whereSql(filters, params), ...afterCursorSql(plan, params)]
  return (
    `SELECT doc${keyed ? `, _id, ${col(plan.orderField)} AS o` : ''} FROM ${q(collection)}` +
    (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
    orderLimitSql(plan)
  )
}

/**
 * An IN on an index prefix cannot deliver rows in index order, so SQLite would sort every match:
 * instead, one ordered index scan per combination, merged (what the index is for).
 */
export function findSql(collection: CollectionName, plan: Plan, params: SqlValue[]): string {
  const branches = expandIn(plan.filters)
  if (branches.length <= 1 || plan.orderField === '_id') return selectSql(collection, plan, plan.filters, params)
  const scans = branches.map((filters) => `SELECT * FROM (${selectSql(collection, plan, filters, params, true)})`)
  return `SELECT doc FROM (${scans.join(' UNION ALL ')})${orderLimitSql(plan, 'o')}`
}

/** Counts matches: a plucked statement, so it answers the number itself. */
export function countSql(collection: CollectionName, filters: Filter[], params: SqlValue[]): string {
  return `SELECT COUNT(*) AS n FROM ${q(collection)} WHERE ${whereSql(filters, params).join(' AND ')}`
}
