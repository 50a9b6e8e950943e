/** Embedded default store: one SQLite table of JSON documents per collection, WAL, expression indexes. */
import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { COLLECTIONS, SCHEMA, type CollectionName } from './schema'
import {
  StoreConflictError,
  type Page,
  type Query,
  type Store,
  type StoredDoc,
  type TxHandle,
  type Where,
} from './port'
import { planQuery, toFilters, assertIndexed, toPage, type Filter, type Plan } from './plan'
import { Mutex } from './mutex'

type Database = BetterSqlite3.Database
type SqlValue = string | number | null

const q = (name: string) => `"${name.replace(/"/g, '""')}"`
const jsonPath = (field: string) => `json_extract(doc, '$.${field}')`
const col = (field: string) => (field === '_id' ? '_id' : jsonPath(field))

function toSql(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' || typeof value === 'number') return value
  return null
}

/** One SQL condition per filter; their values are appended to `params` in order. */
function whereSql(filters: Filter[], params: SqlValue[]): string[] {
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

function parseRow(row: unknown): StoredDoc {
  const { doc } = row as { doc: string } // adapter seam: better-sqlite3 rows are untyped
  return JSON.parse(doc) as StoredDoc
}

/** Loads better-sqlite3 lazily so the cloud bundle never needs the native module. */
function openDatabase(file: string): Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Driver = require('better-sqlite3') as typeof BetterSqlite3
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Driver(file)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  return db
}

/** A table per collection and an expression index per declared index (idempotent). */
function createTables(db: Database): void {
  for (const name of COLLECTIONS) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${q(name)} (_id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)`)
    for (const index of SCHEMA[name].indexes) {
      const cols = index.fields.map((f) => `${col(f.field)} ${f.direction.toUpperCase()}`).join(', ')
      db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${name}__${index.name}`)} ON ${q(name)} (${cols})`)
    }
  }
}

/** A duplicate primary key. Not `instanceof Error`: native errors may come from another realm (jest's vm). */
function isConstraintError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String(err.code).startsWith('SQLITE_CONSTRAINT')
}

/** Reads and writes by id, shared by direct calls and transactions. */
function documentHandle(db: Database): TxHandle {
  return {
    async get(collection, id) {
      const row = db.prepare(`SELECT doc FROM ${q(collection)} WHERE _id = ?`).get(id)
      return row ? parseRow(row) : null
    },
    async insert(collection, doc) {
      try {
        db.prepare(`INSERT INTO ${q(collection)} (_id, version, doc) VALUES (?, ?, ?)`).run(
          doc._id,
          doc.version,
          JSON.stringify(doc),
        )
      } catch (err) {
        if (isConstraintError(err)) throw new StoreConflictError(collection, doc._id)
        throw err
      }
    },
    async replace(collection, doc) {
      const next = { ...doc, version: doc.version + 1 }
      const result = db
        .prepare(`UPDATE ${q(collection)} SET version = ?, doc = ? WHERE _id = ? AND version = ?`)
        .run(next.version, JSON.stringify(next), doc._id, doc.version)
      if (result.changes !== 1) throw new StoreConflictError(collection, doc._id)
      return next
    },
    async remove(collection, id) {
      db.prepare(`DELETE FROM ${q(collection)} WHERE _id = ?`).run(id)
    },
  }
}

/** `ORDER BY … LIMIT …` of a plan: ties on the order field are broken by _id; one row more tells of a next page. */
function orderLimitSql(plan: Plan, orderExpr = col(plan.orderField)): string {
  const dir = plan.direction === 'asc' ? 'ASC' : 'DESC'
  const tieBreak = plan.orderField === '_id' ? '' : `, _id ${dir}`
  return ` ORDER BY ${orderExpr} ${dir}${tieBreak} LIMIT ${plan.limit + 1}`
}

/** The keyset condition that resumes after the cursor's (order value, _id), or none on the first page. */
function afterCursorSql(plan: Plan, params: SqlValue[]): string[] {
  if (!plan.after) return []
  const cmp = plan.direction === 'asc' ? '>' : '<'
  if (plan.orderField === '_id') {
    params.push(plan.after.id)
    return [`_id ${cmp} ?`]
  }
  const order = col(plan.orderField)
  params.push(toSql(plan.after.value), toSql(plan.after.value), plan.after.id)
  return [`(${order} ${cmp} ? OR (${order} = ? AND _id ${cmp} ?))`]
}

/** One ordered, limited scan of the rows matching `filters` after the cursor. */
function selectSql(collection: CollectionName, plan: Plan, filters: Filter[], params: SqlValue[]): string {
  const clauses = [...whereSql(filters, params), ...afterCursorSql(plan, params)]
  return (
    `SELECT doc, _id, ${col(plan.orderField)} AS o FROM ${q(collection)}` +
    (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
    orderLimitSql(plan)
  )
}

/**
 * An IN on an index prefix cannot deliver rows in index order, so SQLite would sort every match:
 * instead, one ordered index scan per combination, merged (what the index is for).
 */
function findSql(collection: CollectionName, plan: Plan, params: SqlValue[]): string {
  const branches = expandIn(plan.filters)
  if (branches.length <= 1 || plan.orderField === '_id') return selectSql(collection, plan, plan.filters, params)
  const scans = branches.map((filters) => `SELECT * FROM (${selectSql(collection, plan, filters, params)})`)
  return `SELECT doc FROM (${scans.join(' UNION ALL ')})${orderLimitSql(plan, 'o')}`
}

/** The SQL and parameters a `find` runs (the benchmark times the same statement on its own). */
export function findStatement(collection: CollectionName, query: Query): { sql: string; params: SqlValue[] } {
  const plan = planQuery(collection, query)
  const params: SqlValue[] = []
  return { sql: findSql(collection, plan, params), params }
}

function findPage(db: Database, collection: CollectionName, query: Query): Page {
  const plan = planQuery(collection, query)
  const params: SqlValue[] = []
  const rows = db.prepare(findSql(collection, plan, params)).all(...params)
  return toPage(rows.map(parseRow), plan)
}

function countMatching(db: Database, collection: CollectionName, where: Where): number {
  const filters = toFilters(where)
  assertIndexed(collection, filters, undefined)
  const params: SqlValue[] = []
  const clauses = whereSql(filters, params)
  const row = db.prepare(`SELECT COUNT(*) AS n FROM ${q(collection)} WHERE ${clauses.join(' AND ')}`).get(...params)
  return (row as { n: number }).n // adapter seam: untyped row
}

/** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back when it throws. */
async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = await work()
    db.exec('COMMIT')
    return result
  } catch (err) {
    db.exec('ROLLBACK')
    throw err
  }
}

export function createSqliteStore(file: string): Store {
  const db = openDatabase(file)
  createTables(db)
  const documents = documentHandle(db)
  // One connection: every call waits its turn, so none runs inside another caller's transaction.
  const mutex = new Mutex()
  const locked =
    <A extends unknown[], R>(fn: (...args: A) => R | Promise<R>) =>
    (...args: A): Promise<R> =>
      mutex.run(async () => fn(...args))
  return {
    get: locked(documents.get),
    insert: locked(documents.insert),
    replace: locked(documents.replace),
    remove: locked(documents.remove),
    find: locked((collection: CollectionName, query: Query) => findPage(db, collection, query)),
    count: locked((collection: CollectionName, where: Where) => countMatching(db, collection, where)),
    transaction: (fn) => mutex.run(() => inTransaction(db, () => fn(documents))),
    close: () =>
      mutex.run(async () => {
        db.close()
      }),
  }
}
