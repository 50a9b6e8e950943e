/** Production store on CloudBase's document database through @cloudbase/node-sdk. */
import type { Page, Query, Store, StoredDoc, TxHandle, Where } from './port'
import { StoreConflictError } from './port'
import { planQuery, toFilters, assertIndexed, toPage, type Filter, type Plan } from './plan'
import type { CollectionName } from './schema'

/* Adapter seam: the SDK's database types are loose; only the calls used here are described. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Db = any
type Command = any

function isDuplicate(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? '')}` : String(err)
  return /duplicate|E11000|DATABASE_DUPLICATE/i.test(text)
}

function buildWhere(_: Command, filters: Filter[]): Record<string, unknown> {
  const conds: Record<string, unknown[]> = {}
  for (const f of filters) {
    const c = f.op === 'eq' ? _.eq(f.value) : f.op === 'in' ? _.in(f.values) : _[f.op](f.value)
    ;(conds[f.field] ??= []).push(c)
  }
  const where: Record<string, unknown> = {}
  for (const [field, list] of Object.entries(conds)) {
    where[field] = list.length === 1 ? list[0] : _.and(list)
  }
  return where
}

function strip(doc: StoredDoc): Record<string, unknown> {
  const { _id, ...rest } = doc
  void _id
  return rest
}

/** A `doc(id).get()` answers with one document or a list of at most one, depending on the SDK path. */
function docOf(res: { data?: unknown }): StoredDoc | null {
  const data = Array.isArray(res.data) ? res.data[0] : res.data
  return data ? (data as StoredDoc) : null
}

/** Reads and writes by id inside a CloudBase transaction (inserts check for the id first: `set` would overwrite). */
function txHandle(t: Db): TxHandle {
  return {
    async get(collection, id) {
      return docOf(await t.collection(collection).doc(id).get())
    },
    async insert(collection, doc) {
      if (docOf(await t.collection(collection).doc(doc._id).get())) throw new StoreConflictError(collection, doc._id)
      await t.collection(collection).doc(doc._id).set(strip(doc))
    },
    async replace(collection, doc) {
      const current = docOf(await t.collection(collection).doc(doc._id).get())
      if (!current || current.version !== doc.version) throw new StoreConflictError(collection, doc._id)
      const next = { ...doc, version: doc.version + 1 }
      await t.collection(collection).doc(doc._id).set(strip(next))
      return next
    },
    async remove(collection, id) {
      await t.collection(collection).doc(id).remove()
    },
  }
}

/** Reads and writes by id outside transactions; a versioned replace still needs one. */
function directHandle(db: Db): TxHandle {
  return {
    async get(collection, id) {
      return docOf(await db.collection(collection).doc(id).get())
    },
    async insert(collection, doc) {
      try {
        await db.collection(collection).add({ ...doc })
      } catch (err) {
        if (isDuplicate(err)) throw new StoreConflictError(collection, doc._id)
        throw err
      }
    },
    async replace(collection, doc) {
      return db
        .runTransaction((t: Db) => txHandle(t).replace(collection, doc))
        .catch((err: unknown) => {
          if (err instanceof StoreConflictError) throw err
          throw isDuplicate(err) ? new StoreConflictError(collection, doc._id) : err
        })
    },
    async remove(collection, id) {
      await db.collection(collection).doc(id).remove()
    },
  }
}

/** The plan's filters, and on later pages the keyset condition that resumes after the cursor's (value, _id). */
function pageWhere(_: Command, plan: Plan): unknown {
  const where = buildWhere(_, plan.filters)
  if (!plan.after) return where
  const cmp = plan.direction === 'asc' ? 'gt' : 'lt'
  if (plan.orderField === '_id') return { ...where, _id: _[cmp](plan.after.id) }
  const after = _.or([
    { [plan.orderField]: _[cmp](plan.after.value) },
    { [plan.orderField]: _.eq(plan.after.value), _id: _[cmp](plan.after.id) },
  ])
  return _.and([where, after])
}

async function findPage(db: Db, collection: CollectionName, query: Query): Promise<Page> {
  const plan = planQuery(collection, query)
  let ref = db.collection(collection).where(pageWhere(db.command, plan)).orderBy(plan.orderField, plan.direction)
  if (plan.orderField !== '_id') ref = ref.orderBy('_id', plan.direction)
  const res = await ref.limit(plan.limit + 1).get()
  return toPage(res.data as StoredDoc[], plan, (doc) => doc)
}

async function countMatching(db: Db, collection: CollectionName, where: Where): Promise<number> {
  const filters = toFilters(where)
  assertIndexed(collection, filters, undefined)
  const res = await db.collection(collection).where(buildWhere(db.command, filters)).count()
  return Number(res.total)
}

export function createCloudbaseStore(db: Db): Store {
  return {
    ...directHandle(db),
    // A whole read: the round trip is the cost here, and a projection would need its own contract run.
    version: async (collection, id) => {
      const version = docOf(await db.collection(collection).doc(id).get())?.version
      return typeof version === 'number' ? version : null
    },
    find: (collection, query) => findPage(db, collection, query),
    count: (collection, where) => countMatching(db, collection, where),
    transaction: async (fn) => db.runTransaction((t: Db) => fn(txHandle(t)), 3),
    async close() {},
  }
}
