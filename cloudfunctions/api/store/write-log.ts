/**
 * Which collections this process wrote (and removed from), and when: per-process caches of rarely written
 * documents (grid polygons, names) ask it whether their entry is still what the store holds, and copies checked
 * by version whether their id may have been reused. Writes by another process
 * (a second gateway, another cloud instance) are not seen here; those caches expire their entries for that.
 */
import type { Store, TxHandle } from './port'
import type { CollectionName } from './schema'

export interface WriteLog {
  /** A point in this process's write history; take it before reading what will be cached. */
  now(): number
  /** Whether any of `collections` was written through this store after `stamp`. */
  changedSince(collections: readonly CollectionName[], stamp: number): boolean
  /** Whether a document of `collection` was removed through this store after `stamp` (its id may be reused). */
  removedSince(collection: CollectionName, stamp: number): boolean
}

const logs = new WeakMap<Store, WriteLog>()

/** The log of a store made by `logWrites`, or null (then nothing may be cached across calls). */
export function writeLogOf(store: Store): WriteLog | null {
  return logs.get(store) ?? null
}

/**
 * The same store, counting its writes. A write counts once it has settled (a transaction's once it committed
 * or rolled back), so a read that began before it can never be cached as current after it.
 */
export function logWrites(store: Store): Store {
  if (logs.has(store)) return store
  let clock = 0
  const last = new Map<CollectionName, number>()
  const lastRemoval = new Map<CollectionName, number>()
  const wrote = (collection: CollectionName) => last.set(collection, ++clock)
  const removed = (collection: CollectionName) => lastRemoval.set(collection, clock)
  const after =
    <A extends [CollectionName, ...unknown[]], R>(write: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      write(...args).finally(() => wrote(args[0]))
  const logged: Store = {
    get: (collection, id) => store.get(collection, id),
    version: (collection, id) => store.version(collection, id),
    find: (collection, query) => store.find(collection, query),
    count: (collection, where) => store.count(collection, where),
    close: () => store.close(),
    insert: after((collection, doc) => store.insert(collection, doc)),
    replace: after((collection, doc) => store.replace(collection, doc)),
    remove: (collection, id) =>
      store.remove(collection, id).finally(() => {
        wrote(collection)
        removed(collection)
      }),
    transaction: (fn) => {
      const touched = new Set<CollectionName>()
      const removals = new Set<CollectionName>()
      return store
        .transaction((tx) => {
          const writes: TxHandle = {
            get: (collection, id) => tx.get(collection, id),
            insert: (collection, doc) => (touched.add(collection), tx.insert(collection, doc)),
            replace: (collection, doc) => (touched.add(collection), tx.replace(collection, doc)),
            remove: (collection, id) => (touched.add(collection), removals.add(collection), tx.remove(collection, id)),
          }
          return fn(writes)
        })
        .finally(() => {
          touched.forEach(wrote)
          removals.forEach(removed)
        })
    },
  }
  logs.set(logged, {
    now: () => clock,
    changedSince: (collections, stamp) => collections.some((c) => (last.get(c) ?? 0) > stamp),
    removedSince: (collection, stamp) => (lastRemoval.get(collection) ?? 0) > stamp,
  })
  return logged
}
