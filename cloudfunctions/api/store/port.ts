/**
 * The store port. Shaped by CloudBase's limits so both adapters behave alike:
 * AND of eq / in / range filters on declared fields, one orderBy, limit ≤ 100, cursor paging,
 * transactions by id only, optimistic concurrency through a `version` field.
 */
import type { CollectionName } from './schema'

export type Scalar = string | number | boolean | null

export interface RangeCond {
  in?: Scalar[]
  gt?: string | number
  gte?: string | number
  lt?: string | number
  lte?: string | number
}

export type Where = Record<string, Scalar | RangeCond>

export interface Query {
  where: Where
  orderBy?: { field: string; direction: 'asc' | 'desc' }
  limit: number
  cursor?: string | null
}

/** Every stored document: string id and an integer version bumped on each write. */
export interface StoredDoc {
  _id: string
  version: number
  [field: string]: unknown
}

export interface Page {
  items: StoredDoc[]
  nextCursor: string | null
}

/** Raised when an insert hits an existing id or a versioned write lost the race. */
export class StoreConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`conflict on ${collection}/${id}`)
    this.name = 'StoreConflictError'
  }
}

/** Raised for a query no declared index serves: a bug, caught by tests. */
export class UnindexedQueryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnindexedQueryError'
  }
}

export interface TxHandle {
  get(collection: CollectionName, id: string): Promise<StoredDoc | null>
  /** Fails with StoreConflictError when the id exists. */
  insert(collection: CollectionName, doc: StoredDoc): Promise<void>
  /** Writes `doc` with version+1 if the stored version equals `doc.version`. */
  replace(collection: CollectionName, doc: StoredDoc): Promise<StoredDoc>
  remove(collection: CollectionName, id: string): Promise<void>
}

export interface Store extends TxHandle {
  /** The stored version of a document, or null when there is none: how a cache checks its copy without reading it. */
  version(collection: CollectionName, id: string): Promise<number | null>
  find(collection: CollectionName, query: Query): Promise<Page>
  count(collection: CollectionName, where: Where): Promise<number>
  /** Runs `fn` atomically; reads and writes inside go by id only. */
  transaction<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T>
  close(): Promise<void>
}
