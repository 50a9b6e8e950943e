/**
 * One contract for every Store adapter. SQLite always runs; CloudBase runs only with TCB_ENV,
 * TCB_SECRET_ID and TCB_SECRET_KEY set, and says so when skipped.
 */
import path from 'node:path'
import type { Query, Store } from '../../../../cloudfunctions/api/store/port'
import { InvalidCursorError } from '../../../../cloudfunctions/api/store/plan'
import { StoreConflictError, UnindexedQueryError } from '../../../../cloudfunctions/api/store/port'
import { createSqliteStore } from '../../../../cloudfunctions/api/store/sqlite'
import { createCloudbaseStore } from '../../../../cloudfunctions/api/store/cloudbase'
import { tempDir } from '../../../helpers/api'

const cloud = process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY
if (!cloud) console.log('CloudBase store contract: SKIPPED (set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run it)')

type Factory = () => Promise<Store>
const adapters: [string, Factory][] = [
  ['sqlite :memory:', async () => createSqliteStore(':memory:')],
  ['sqlite file (WAL)', async () => createSqliteStore(path.join(tempDir(), 'store.db'))],
]
if (cloud) {
  adapters.push([
    'cloudbase',
    async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk')
      const app = tcb.init({
        env: process.env.TCB_ENV,
        secretId: process.env.TCB_SECRET_ID,
        secretKey: process.env.TCB_SECRET_KEY,
      })
      return createCloudbaseStore(app.database())
    },
  ])
}

const run = `r${Date.now().toString(36)}`
/** The 25 seeded probes every query test reads; tests that write use `own` documents instead, so order does not matter. */
const probe = (n: number, extra: Record<string, unknown> = {}) => ({
  _id: `${run}_${String(n).padStart(3, '0')}`,
  owner: `${run}_owner_${n % 3}`,
  kind: n % 2 === 0 ? `${run}_even` : `${run}_odd`,
  score: n,
  createdAt: 1000 + n,
  flag: n % 4 === 0,
  version: 0,
  ...extra,
})
/** A document only the test that inserts it touches: no seeded query matches its owner or kind. */
const own = (name: string, score: number) =>
  probe(0, { _id: `${run}_${name}`, owner: `${run}_own`, kind: `${run}_own`, score })

const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url')

describe.each(adapters)('store contract: %s', (_name, make) => {
  let store: Store

  /** The ids `query` pages through, `limit` at a time, following each nextCursor. */
  async function pageAll(query: Omit<Query, 'limit' | 'cursor'>, limit: number): Promise<string[]> {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await store.find('probes', { ...query, limit, cursor })
      seen.push(...page.items.map((d) => d._id))
      cursor = page.nextCursor
    } while (cursor)
    return seen
  }
  beforeAll(async () => {
    store = await make()
    for (let n = 0; n < 25; n++) await store.insert('probes', probe(n))
  })
  afterAll(async () => store.close())

  test('get returns what insert stored, and null for a missing id', async () => {
    expect(await store.get('probes', probe(7)._id)).toEqual(probe(7))
    expect(await store.get('probes', `${run}_missing`)).toBeNull()
  })

  test('inserting an existing id is a conflict and keeps the first document', async () => {
    await expect(store.insert('probes', probe(3, { score: 999 }))).rejects.toBeInstanceOf(StoreConflictError)
    expect(await store.get('probes', probe(3)._id)).toEqual(probe(3))
  })

  test('replace bumps the version, and a stale version loses', async () => {
    const doc = own('replaced', 4)
    await store.insert('probes', doc)
    expect(await store.replace('probes', { ...doc, score: 40 })).toEqual({ ...doc, score: 40, version: 1 })
    await expect(store.replace('probes', { ...doc, score: 41 })).rejects.toBeInstanceOf(StoreConflictError)
    expect(await store.get('probes', doc._id)).toEqual({ ...doc, score: 40, version: 1 })
  })

  test('version answers the stored version without the document: null when missing, bumped by replace and gone after remove', async () => {
    const doc = own('versioned', 5)
    expect(await store.version('probes', doc._id)).toBeNull()
    await store.insert('probes', doc)
    expect(await store.version('probes', doc._id)).toBe(0)
    await store.replace('probes', { ...doc, score: 50 })
    expect(await store.version('probes', doc._id)).toBe(1)
    await store.remove('probes', doc._id)
    expect(await store.version('probes', doc._id)).toBeNull()
  })

  test('equality + order pages through every match exactly once', async () => {
    const owner = `${run}_owner_1`
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await store.find('probes', {
        where: { owner },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 3,
        cursor,
      })
      seen.push(...page.items.map((d) => d._id))
      cursor = page.nextCursor
    } while (cursor)
    const expected = Array.from({ length: 25 }, (_, n) => n)
      .filter((n) => n % 3 === 1)
      .reverse()
      .map((n) => probe(n)._id)
    expect(seen).toEqual(expected)
  })

  test('in + range filters on an indexed field', async () => {
    const page = await store.find('probes', {
      where: { kind: `${run}_even`, score: { gte: 10, lt: 20 } },
      orderBy: { field: 'score', direction: 'asc' },
      limit: 100,
    })
    expect(page.items.map((d) => d.score)).toEqual([10, 12, 14, 16, 18])
    const both = await store.find('probes', {
      where: { kind: { in: [`${run}_even`, `${run}_odd`] }, score: { lt: 3 } },
      orderBy: { field: 'score', direction: 'asc' },
      limit: 10,
    })
    expect(both.items.map((d) => d.score)).toEqual([0, 1, 2])
  })

  test('an IN on the index prefix with an order pages in order through every match exactly once', async () => {
    const owners = [`${run}_owner_0`, `${run}_owner_2`]
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page = await store.find('probes', {
        where: { owner: { in: owners } },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 4,
        cursor,
      })
      seen.push(...page.items.map((d) => Number(d.score)))
      cursor = page.nextCursor
    } while (cursor)
    const expected = Array.from({ length: 25 }, (_, n) => n)
      .filter((n) => n % 3 !== 1)
      .reverse()
    expect(seen).toEqual(expected)
  })

  test('pages through ties of the sort key return every match once, ties in _id order, both directions', async () => {
    const kinds = [`${run}_tie_a`, `${run}_tie_b`]
    const scores = [5, 7, 5, 5, 9, 7, 5, 7, 7]
    const docs = scores.map((score, n) => ({
      ...probe(0, { _id: `${run}_tie_${n}`, owner: `${run}_tie`, kind: kinds[n % 2], score }),
    }))
    for (const doc of docs) await store.insert('probes', doc)
    const ascending = (kind: string[]) =>
      docs
        .filter((d) => kind.includes(d.kind))
        .sort((a, b) => a.score - b.score || (a._id < b._id ? -1 : 1))
        .map((d) => d._id)
    for (const limit of [1, 2, 3]) {
      for (const kind of [kinds, [`${run}_tie_a`]]) {
        const where = { kind: kind.length > 1 ? { in: kind } : `${run}_tie_a` }
        const asc = await pageAll({ where, orderBy: { field: 'score', direction: 'asc' } }, limit)
        const desc = await pageAll({ where, orderBy: { field: 'score', direction: 'desc' } }, limit)
        expect(asc).toEqual(ascending(kind))
        expect(desc).toEqual(ascending(kind).reverse())
      }
    }
  })

  test('a cursor still pages when a range bound of its query moves between pages (as `dueAt < now` does)', async () => {
    const kind = `${run}_even`
    const first = await store.find('probes', {
      where: { kind, score: { lt: 20 } },
      orderBy: { field: 'score', direction: 'asc' },
      limit: 3,
    })
    const next = await store.find('probes', {
      where: { kind, score: { lt: 22 } },
      orderBy: { field: 'score', direction: 'asc' },
      limit: 3,
      cursor: first.nextCursor,
    })
    expect([...first.items, ...next.items].map((d) => d.score)).toEqual([0, 2, 4, 6, 8, 10])
  })

  test('a cursor of another query, or anything not a cursor, is refused', async () => {
    const owner = `${run}_owner_1`
    const byCreated = { where: { owner }, orderBy: { field: 'createdAt', direction: 'desc' as const }, limit: 2 }
    const cursor = (await store.find('probes', byCreated)).nextCursor
    expect(cursor).not.toBeNull()
    const elsewhere: Query[] = [
      { where: { kind: `${run}_even` }, orderBy: { field: 'score', direction: 'asc' }, limit: 2, cursor },
      { ...byCreated, orderBy: { field: 'createdAt', direction: 'asc' }, cursor },
      { ...byCreated, where: { owner: { in: [owner] }, createdAt: { gt: 0 } }, cursor },
    ]
    for (const query of elsewhere) await expect(store.find('probes', query)).rejects.toBeInstanceOf(InvalidCursorError)
    const [value, id, shape] = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown[]
    for (const bad of ['!!!', cursorOf([value, id]), cursorOf([{ gt: 1 }, id, shape]), cursorOf([value, 7, shape])]) {
      await expect(store.find('probes', { ...byCreated, cursor: bad })).rejects.toBeInstanceOf(InvalidCursorError)
    }
    expect((await store.find('probes', { ...byCreated, cursor })).items).toHaveLength(2)
  })

  test('count uses the same filters', async () => {
    expect(await store.count('probes', { owner: `${run}_owner_0` })).toBe(9)
  })

  test('a query no declared index serves is refused', async () => {
    await expect(store.find('probes', { where: { score: 3 }, limit: 10 })).rejects.toBeInstanceOf(UnindexedQueryError)
    await expect(store.find('probes', { where: {}, limit: 10 })).rejects.toBeInstanceOf(UnindexedQueryError)
    await expect(
      store.find('probes', { where: { owner: 'x' }, orderBy: { field: 'score', direction: 'asc' }, limit: 10 }),
    ).rejects.toBeInstanceOf(UnindexedQueryError)
  })

  test('limit above 100 is refused', async () => {
    await expect(store.find('probes', { where: { owner: 'x' }, limit: 101 })).rejects.toThrow(RangeError)
  })

  test('a failed transaction leaves nothing behind', async () => {
    const id = `${run}_tx_fail`
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('probes', own('tx_fail', 900))
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await store.get('probes', id)).toBeNull()
  })

  test('concurrent read-modify-write with retry loses no update', async () => {
    const id = `${run}_counter`
    await store.insert('probes', own('counter', 0))
    const bump = async () => {
      for (;;) {
        const doc = await store.get('probes', id)
        if (!doc) throw new Error('missing')
        try {
          await store.replace('probes', { ...doc, score: Number(doc.score) + 1 })
          return
        } catch (err) {
          if (!(err instanceof StoreConflictError)) throw err
        }
      }
    }
    await Promise.all(Array.from({ length: 20 }, bump))
    expect(await store.get('probes', id)).toEqual({ ...own('counter', 20), version: 20 })
  })

  test('concurrent transactions on one balance spend it exactly once, never below zero', async () => {
    const id = `${run}_balance`
    await store.insert('probes', own('balance', 5))
    const spend = () =>
      store
        .transaction(async (tx) => {
          const doc = await tx.get('probes', id)
          if (!doc || Number(doc.score) < 1) return false
          await tx.replace('probes', { ...doc, score: Number(doc.score) - 1 })
          return true
        })
        .catch((err: unknown) => {
          if (err instanceof StoreConflictError) return false
          throw err
        })
    const concurrent = (await Promise.all(Array.from({ length: 12 }, spend))).filter(Boolean).length
    // Spends that lost a conflict are retried one at a time: together they spend the 5 exactly.
    let sequential = 0
    while (await spend()) sequential++
    expect(concurrent + sequential).toBe(5)
    expect(await store.get('probes', id)).toEqual({ ...own('balance', 0), version: 5 })
  })
})

describe('sqlite: two connections on one file (as two gateway processes would)', () => {
  test('versioned writes from both connections lose no update', async () => {
    const file = path.join(tempDir(), 'shared.db')
    const a = createSqliteStore(file)
    const b = createSqliteStore(file)
    await a.insert('probes', probe(950, { _id: 'shared', score: 0 }))
    const bump = async (store: Store) => {
      for (;;) {
        const doc = await store.get('probes', 'shared')
        if (!doc) throw new Error('missing')
        await new Promise((r) => setImmediate(r))
        try {
          return await store.replace('probes', { ...doc, score: Number(doc.score) + 1 })
        } catch (err) {
          if (!(err instanceof StoreConflictError)) throw err
        }
      }
    }
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? a : b)))
    expect(await b.get('probes', 'shared')).toEqual({ ...probe(950, { _id: 'shared', score: 20 }), version: 20 })
    await a.close()
    await b.close()
  })
})
