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
import { planQuery, toFilters, assertIndexed, toPage, type Filter } from './plan'
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

export function createSqliteStore(file: string): Store {
  const db = openDatabase(file)
  for (const name of COLLECTIONS) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${q(name)} (_id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)`)
    for (const index of SCHEMA[name].indexes) {
      const cols = index.fields.map((f) => `${col(f.field)} ${f.direction.toUpperCase()}`).join(', ')
      db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${name}__${index.name}`)} ON ${q(name)} (${cols})`)
    }
  }
  const mutex = new Mutex()

  const handle: TxHandle = {
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
        // Not `instanceof Error`: the native module's errors may come from another realm (jest's vm).
        if (
          typeof err === 'object' &&
          err !== null &&
          'code' in err &&
          String(err.code).startsWith('SQLITE_CONSTRAINT')
        ) {
          throw new StoreConflictError(collection, doc._id)
        }
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

  const locked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) =>
      mutex.run(() => fn(...args))

  return {
    get: locked(handle.get),
    insert: locked(handle.insert),
    replace: locked(handle.replace),
    remove: locked(handle.remove),
    find: locked(async (collection: CollectionName, query: Query): Promise<Page> => {
      const plan = planQuery(collection, query)
      const dir = plan.direction === 'asc' ? 'ASC' : 'DESC'
      const cmp = plan.direction === 'asc' ? '>' : '<'
      const order = col(plan.orderField)
      const orderSql = ` ORDER BY ${order} ${dir}${plan.orderField === '_id' ? '' : `, _id ${dir}`} LIMIT ${plan.limit + 1}`
      const select = (filters: Filter[], params: SqlValue[]) => {
        const clauses = whereSql(filters, params)
        if (plan.after) {
          if (plan.orderField === '_id') {
            clauses.push(`_id ${cmp} ?`)
            params.push(plan.after.id)
          } else {
            clauses.push(`(${order} ${cmp} ? OR (${order} = ? AND _id ${cmp} ?))`)
            params.push(toSql(plan.after.value), toSql(plan.after.value), plan.after.id)
          }
        }
        return (
          `SELECT doc, _id, ${order} AS o FROM ${q(collection)}` +
          (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
          orderSql
        )
      }
      const params: SqlValue[] = []
      const branches = expandIn(plan.filters)
      // An IN on an index prefix cannot deliver rows in index order, so SQLite would sort every match:
      // instead, one ordered index scan per combination, merged (what the index is for).
      const sql =
        branches.length > 1 && plan.orderField !== '_id'
          ? `SELECT doc FROM (${branches.map((b) => `SELECT * FROM (${select(b, params)})`).join(' UNION ALL ')}) ORDER BY o ${dir}, _id ${dir} LIMIT ${plan.limit + 1}`
          : select(plan.filters, params)
      return toPage(
        db
          .prepare(sql)
          .all(...params)
          .map(parseRow),
        plan,
      )
    }),
    count: locked(async (collection: CollectionName, where: Where) => {
      const filters = toFilters(where)
      assertIndexed(collection, filters, undefined)
      const params: SqlValue[] = []
      const clauses = whereSql(filters, params)
      const row = db.prepare(`SELECT COUNT(*) AS n FROM ${q(collection)} WHERE ${clauses.join(' AND ')}`).get(...params)
      return (row as { n: number }).n // adapter seam: untyped row
    }),
    transaction: <T>(fn: (tx: TxHandle) => Promise<T>) =>
      mutex.run(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(handle)
          db.exec('COMMIT')
          return result
        } catch (err) {
          db.exec('ROLLBACK')
          throw err
        }
      }),
    async close() {
      await mutex.run(async () => db.close())
    },
  }
}
