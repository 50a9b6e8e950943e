/**
 * Per-process reuse of reads that rarely change (grid polygons for routing, names on list pages, a grid's card).
 * `cachedRead`: an entry
 * is dropped at once when this process writes one of the collections it came from (store/write-log.ts), and
 * after a minute at most, the time another process's write (another cloud instance, a second gateway) may
 * go unseen. `currentDoc`: a document reused only while its stored version is the one read. Values are frozen: a caller that tried to change a shared one would throw, not corrupt it.
 */
import type { Deps } from './context'
import type { Store, StoredDoc } from './store/port'
import type { CollectionName } from './store/schema'
import { writeLogOf } from './store/write-log'
import { deepFreeze } from './store/parsed-docs'

/** How long an entry may miss what another process wrote. */
export const SHARED_READ_TTL_MS = 60_000
const ENTRIES_KEPT = 2000

interface Entry {
  value: Promise<unknown>
  collections: readonly CollectionName[]
  stamp: number
  at: number
}

/** Per store, so two stores in one process (tests, the benchmark) never share entries. */
const caches = new WeakMap<Store, Map<string, Entry>>()

/** `load()`, or what it answered before when none of `collections` changed since; every key names its collections. */
export function cachedRead<T>(
  deps: Deps,
  key: string,
  collections: readonly CollectionName[],
  load: () => Promise<T>,
): Promise<T> {
  const log = writeLogOf(deps.store)
  if (!log) return load()
  let cache = caches.get(deps.store)
  if (!cache) caches.set(deps.store, (cache = new Map()))
  const now = deps.clock.now()
  const hit = cache.get(key)
  const fresh =
    hit && now >= hit.at && now - hit.at < SHARED_READ_TTL_MS && !log.changedSince(hit.collections, hit.stamp)
  // Only this key's own loads put a Promise<T> under it.
  if (fresh) return hit.value as Promise<T>
  const stamp = log.now() // before the read starts: a write that lands during it makes the entry stale
  const value = load().then(deepFreeze)
  if (cache.size >= ENTRIES_KEPT) cache.clear()
  const entry: Entry = { value, collections, stamp, at: now }
  cache.set(key, entry)
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key)
  })
  return value
}

/** Per store: parsed documents with the version they were read at. */
const docs = new WeakMap<Store, Map<string, { doc: StoredDoc; stamp: number; at: number }>>()

/**
 * A document as stored now, parsed: the copy read before when its stored version is still the same (one
 * version lookup instead of a read and a parse), else read again. Always current, also across processes;
 * the write log (removals in this process) and the expiry (elsewhere) only guard against a document removed
 * and created again at the same version.
 */
export async function currentDoc<T extends StoredDoc>(
  deps: Deps,
  collection: CollectionName,
  id: string,
  parse: (raw: StoredDoc) => T,
): Promise<T | null> {
  const log = writeLogOf(deps.store)
  let cache = docs.get(deps.store)
  if (!cache) docs.set(deps.store, (cache = new Map()))
  const key = `${collection}/${id}`
  const now = deps.clock.now()
  const known = cache.get(key)
  if (
    log &&
    known &&
    now >= known.at &&
    now - known.at < SHARED_READ_TTL_MS &&
    !log.removedSince(collection, known.stamp)
  ) {
    // Only `parse` of this collection put documents under its keys.
    if ((await deps.store.version(collection, id)) === known.doc.version) return known.doc as T
  }
  const stamp = log?.now() ?? 0
  const raw = await deps.store.get(collection, id)
  if (!raw) {
    cache.delete(key)
    return null
  }
  const doc = deepFreeze(parse(raw))
  if (cache.size >= ENTRIES_KEPT) cache.clear()
  if (log) cache.set(key, { doc, stamp, at: now })
  return doc
}
