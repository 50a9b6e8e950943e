/** Embedded default store: one SQLite table of JSON documents per collection, WAL, expression indexes. */
import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { COLLECTIONS, type CollectionName } from './schema'
import {
  StoreConflictError,
  type Page,
  type Query,
  type Store,
  type StoredDoc,
  type TxHandle,
  type Where,
} from './port'
import { planQuery, toFilters, assertIndexed, toPage } from './plan'
import { countSql, findSql, indexesOf, q, type SqlValue } from './sqlite-sql'
import { startCheckpointer, WAL_RESTART_TABLE, type Checkpointer, type CheckpointTiming } from './sqlite-checkpoint'
import { Mutex } from './mutex'
import { parsedDocs } from './parsed-docs'

export { expandIn } from './sqlite-sql'

type Database = BetterSqlite3.Database
type Statement = BetterSqlite3.Statement

/** How the background worker checkpoints: at the first quiet moment, and once a second through a long burst of writes. */
const CHECKPOINT: CheckpointTiming = { lookEveryMs: 100, busyEveryMs: 1000, restartAfterFrames: 64 }
/** WAL pages after which a commit checkpoints itself: only when the background checkpoint fell far behind. */
const AUTO_CHECKPOINT_BACKSTOP_PAGES = 16_384
/** Prepared statements kept per connection; the SQL of a find varies only with the shape of its query. */
const STATEMENTS_KEPT = 256

/** Turns a `doc` column as read (statements that read are plucked: they answer their first column) into a document. */
type ParseDoc = (doc: unknown) => StoredDoc

/** A `version` column as read: an integer, or undefined for no row. */
const versionOf = (value: unknown): number | null => (typeof value === 'number' ? value : null)

/** Loads better-sqlite3 lazily so the cloud bundle never needs the native module. */
function openDatabase(file: string): Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Driver = require('better-sqlite3') as typeof BetterSqlite3
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Driver(file)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  // NORMAL in WAL mode syncs at checkpoints, not at every commit: a committed write survives a crash of the
  // process (it is in the WAL), the file never corrupts, and only a power or OS failure may undo the last
  // transactions since the last checkpoint. FULL would add an fsync to every request that writes.
  db.pragma('synchronous = NORMAL')
  // Checkpoints run in the background (sqlite-checkpoint.ts); this only bounds the WAL if that falls behind.
  db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_BACKSTOP_PAGES}`)
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`)
  return db
}

/**
 * Prepares each SQL text once per connection (a find's statement costs more to prepare than to run).
 * Statements that read answer their first column only, without building a row object around it.
 */
function statementCache(db: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>()
  return (sql) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      if (statement.reader) statement.pluck()
      if (cache.size >= STATEMENTS_KEPT) cache.delete(cache.keys().next().value ?? '')
      cache.set(sql, statement)
    }
    return statement
  }
}

/** A table per collection and exactly the declared indexes (one whose definition changed is rebuilt); the worker's table. */
function syncSchema(db: Database): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS ${q(WAL_RESTART_TABLE)} (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)`)
    for (const name of COLLECTIONS) {
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${q(name)} (_id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)`,
      )
      const rows = db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
        .all(name) as { name: string; sql: string }[] // adapter seam: untyped rows
      const ours = rows.filter((r) => r.name.startsWith(`${name}__`))
      const existing = new Map(ours.map((r) => [r.name, r.sql]))
      const wanted = indexesOf(name)
      for (const [index, sql] of existing) if (wanted.get(index) !== sql) db.exec(`DROP INDEX ${q(index)}`)
      for (const [index, sql] of wanted) if (existing.get(index) !== sql) db.exec(sql)
    }
    db.exec('COMMIT')
  } catch (err) {
    db.exec('ROLLBACK')
    throw err
  }
}

/** A duplicate primary key. Not `instanceof Error`: native errors may come from another realm (jest's vm). */
function isConstraintError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String(err.code).startsWith('SQLITE_CONSTRAINT')
}

/** Reads and writes by id, shared by direct calls and transactions; synchronous, as the driver is. */
interface Documents {
  get(collection: CollectionName, id: string): StoredDoc | null
  insert(collection: CollectionName, doc: StoredDoc): void
  replace(collection: CollectionName, doc: StoredDoc): StoredDoc
  remove(collection: CollectionName, id: string): void
}

interface ByIdStatements {
  get: Statement
  version: Statement
  insert: Statement
  replace: Statement
  remove: Statement
}

/** The by-id statements of each collection, prepared on first use (every request reads by id). */
function byIdStatements(db: Database): (collection: CollectionName) => ByIdStatements {
  const prepared = new Map<CollectionName, ByIdStatements>()
  return (collection) => {
    let statements = prepared.get(collection)
    if (!statements) {
      const table = q(collection)
      statements = {
        get: db.prepare(`SELECT doc FROM ${table} WHERE _id = ?`).pluck(),
        version: db.prepare(`SELECT version FROM ${table} WHERE _id = ?`).pluck(),
        insert: db.prepare(`INSERT INTO ${table} (_id, version, doc) VALUES (?, ?, ?)`),
        replace: db.prepare(`UPDATE ${table} SET version = ?, doc = ? WHERE _id = ? AND version = ?`),
        remove: db.prepare(`DELETE FROM ${table} WHERE _id = ?`),
      }
      prepared.set(collection, statements)
    }
    return statements
  }
}

function documentsOf(byId: (collection: CollectionName) => ByIdStatements, parseDoc: ParseDoc): Documents {
  return {
    get(collection, id) {
      const doc = byId(collection).get.get(id)
      return doc === undefined ? null : parseDoc(doc)
    },
    insert(collection, doc) {
      try {
        byId(collection).insert.run(doc._id, doc.version, JSON.stringify(doc))
      } catch (err) {
        if (isConstraintError(err)) throw new StoreConflictError(collection, doc._id)
        throw err
      }
    },
    replace(collection, doc) {
      const next = { ...doc, version: doc.version + 1 }
      const result = byId(collection).replace.run(next.version, JSON.stringify(next), doc._id, doc.version)
      if (result.changes !== 1) throw new StoreConflictError(collection, doc._id)
      return next
    },
    remove(collection, id) {
      byId(collection).remove.run(id)
    },
  }
}

/** The same reads and writes as promises, for code inside a transaction (which already holds the connection). */
function txHandleOf(documents: Documents): TxHandle {
  const later =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    async (...args: A): Promise<R> =>
      fn(...args)
  return {
    get: later(documents.get),
    insert: later(documents.insert),
    replace: later(documents.replace),
    remove: later(documents.remove),
  }
}

/** The SQL and parameters a `find` runs (the benchmark times the same statement on its own). */
export function findStatement(collection: CollectionName, query: Query): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = []
  return { sql: findSql(collection, planQuery(collection, query), params), params }
}

function findPage(
  sql: (text: string) => Statement,
  parseDoc: ParseDoc,
  collection: CollectionName,
  query: Query,
): Page {
  const plan = planQuery(collection, query)
  const params: SqlValue[] = []
  const docs = sql(findSql(collection, plan, params)).all(...params)
  return toPage(docs, plan, parseDoc)
}

function countMatching(sql: (text: string) => Statement, collection: CollectionName, where: Where): number {
  const filters = toFilters(where)
  assertIndexed(collection, filters, undefined)
  const params: SqlValue[] = []
  return Number(sql(countSql(collection, filters, params)).get(...params))
}

/** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back when it throws. */
async function inTransaction<T>(sql: (text: string) => Statement, work: () => Promise<T>): Promise<T> {
  sql('BEGIN IMMEDIATE').run()
  try {
    const result = await work()
    sql('COMMIT').run()
    return result
  } catch (err) {
    sql('ROLLBACK').run()
    throw err
  }
}

export interface SqliteOptions {
  /** When the background worker checkpoints a file database. */
  checkpoint?: Partial<CheckpointTiming>
  /** Parsed documents kept for reuse (0: parse every read). */
  docsKept?: number
}

export function createSqliteStore(file: string, options: SqliteOptions = {}): Store {
  const db = openDatabase(file)
  syncSchema(db)
  const sql = statementCache(db)
  const byId = byIdStatements(db)
  const parsed = parsedDocs(options.docsKept)
  const parseDoc: ParseDoc = (doc) => parsed(String(doc))
  const documents = documentsOf(byId, parseDoc)
  const tx = txHandleOf(documents)
  const checkpointer: Checkpointer | null =
    file === ':memory:' ? null : startCheckpointer(file, { ...CHECKPOINT, ...options.checkpoint })
  // One connection: every call waits its turn, so none runs inside another caller's transaction.
  const mutex = new Mutex()
  const locked =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): Promise<R> =>
      mutex.runSync(() => fn(...args))
  return {
    get: (collection, id) => mutex.runSync(() => documents.get(collection, id)),
    version: (collection, id) => mutex.runSync(() => versionOf(byId(collection).version.get(id))),
    insert: (collection, doc) => mutex.runSync(() => documents.insert(collection, doc)),
    replace: (collection, doc) => mutex.runSync(() => documents.replace(collection, doc)),
    remove: (collection, id) => mutex.runSync(() => documents.remove(collection, id)),
    find: locked((collection: CollectionName, query: Query) => findPage(sql, parseDoc, collection, query)),
    count: locked((collection: CollectionName, where: Where) => countMatching(sql, collection, where)),
    transaction: (fn) => mutex.run(() => inTransaction(sql, () => fn(tx))),
    close: () =>
      mutex.run(async () => {
        await checkpointer?.stop()
        db.close()
      }),
  }
}
