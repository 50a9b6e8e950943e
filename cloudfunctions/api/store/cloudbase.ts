/** Production store on CloudBase's document database through @cloudbase/node-sdk. */
import type { Page, Query, Store, StoredDoc, TxHandle, Where } from './port'
import { StoreConflictError } from './port'
import { planQuery, toFilters, assertIndexed, toPage, type Filter } from './plan'
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

function txHandle(t: Db): TxHandle {
  return {
    async get(collection, id) {
      const res = await t.collection(collection).doc(id).get()
      const data = Array.isArray(res.data) ? res.data[0] : res.data
      return data ? (data as StoredDoc) : null
    },
    async insert(collection, doc) {
      const existing = await t.collection(collection).doc(doc._id).get()
      if (existing.data && (!Array.isArray(existing.data) || existing.data.length))
        throw new StoreConflictError(collection, doc._id)
      await t.collection(collection).doc(doc._id).set(strip(doc))
    },
    async replace(collection, doc) {
      const res = await t.collection(collection).doc(doc._id).get()
      const current = Array.isArray(res.data) ? res.data[0] : res.data
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

export function createCloudbaseStore(db: Db): Store {
  const _ = db.command
  const direct: TxHandle = {
    async get(collection, id) {
      const res = await db.collection(collection).doc(id).get()
      const data = Array.isArray(res.data) ? res.data[0] : res.data
      return data ? (data as StoredDoc) : null
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
  return {
    ...direct,
    async find(collection: CollectionName, query: Query): Promise<Page> {
      const plan = planQuery(collection, query)
      const filters = [...plan.filters]
      let where = buildWhere(_, filters)
      if (plan.after) {
        const cmp = plan.direction === 'asc' ? 'gt' : 'lt'
        const after =
          plan.orderField === '_id'
            ? { _id: _[cmp](plan.after.id) }
            : _.or([
                { [plan.orderField]: _[cmp](plan.after.value) },
                { [plan.orderField]: _.eq(plan.after.value), _id: _[cmp](plan.after.id) },
              ])
        where = plan.orderField === '_id' ? { ...where, ...after } : _.and([where, after])
      }
      let ref = db.collection(collection).where(where).orderBy(plan.orderField, plan.direction)
      if (plan.orderField !== '_id') ref = ref.orderBy('_id', plan.direction)
      const res = await ref.limit(plan.limit + 1).get()
      return toPage(res.data as StoredDoc[], plan)
    },
    async count(collection: CollectionName, where: Where) {
      const filters = toFilters(where)
      assertIndexed(collection, filters, undefined)
      const res = await db.collection(collection).where(buildWhere(_, filters)).count()
      return Number(res.total)
    },
    async transaction<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T> {
      return db.runTransaction((t: Db) => fn(txHandle(t)), 3)
    },
    async close() {},
  }
}
