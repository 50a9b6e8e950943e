/** Read-modify-write of one document with optimistic concurrency, retried so concurrent edits are never lost. */
import type { CollectionName } from './schema'
import { StoreConflictError, type Store, type StoredDoc } from './port'

/** Short randomised wait so racing writers spread out instead of colliding again. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 ** Math.min(attempt, 5)) * Math.random()
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export interface VersionedUpdate<T> {
  parse: (raw: unknown) => T
  change: (doc: T) => T
  /** What to throw when the document does not exist. */
  missing: () => Error
  attempts: number
}

export async function updateVersioned<T extends StoredDoc>(
  store: Store,
  collection: CollectionName,
  id: string,
  update: VersionedUpdate<T>,
): Promise<T> {
  for (let attempt = 0; attempt < update.attempts; attempt++) {
    if (attempt > 0) await backoff(attempt)
    const raw = await store.get(collection, id)
    if (!raw) throw update.missing()
    try {
      return update.parse(await store.replace(collection, update.change(update.parse(raw))))
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  throw new StoreConflictError(collection, id)
}
