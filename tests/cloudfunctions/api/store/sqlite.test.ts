/** The SQLite adapter's own planning and upkeep: IN branches, seeking cursors, index rebuilds, background checkpoints. */
import path from 'node:path'
import Driver from 'better-sqlite3'
import { createSqliteStore, expandIn, findStatement } from '../../../../cloudfunctions/api/store/sqlite'
import { tempDir } from '../../../helpers/api'
import type { Filter } from '../../../../cloudfunctions/api/store/plan'
import type { Where } from '../../../../cloudfunctions/api/store/port'

const eq = (field: string, value: string | number): Filter => ({ field, op: 'eq', value })
const inList = (field: string, values: (string | number)[]): Filter => ({ field, op: 'in', values })
const range: Filter = { field: 'createdAt', op: 'lt', value: 9 }

test.each<[string, Filter[], Filter[][]]>([
  ['no filters: one branch', [], [[]]],
  ['equality and range only: one branch, unchanged', [eq('owner', 'a'), range], [[eq('owner', 'a'), range]]],
  ['an empty IN stays (it matches nothing)', [inList('owner', [])], [[inList('owner', [])]]],
  [
    'one IN: a branch per value, other filters kept in each',
    [inList('owner', ['a', 'b']), range],
    [
      [eq('owner', 'a'), range],
      [eq('owner', 'b'), range],
    ],
  ],
  [
    'two INs: every combination',
    [inList('owner', ['a', 'b']), inList('kind', [1, 2])],
    [
      [eq('owner', 'a'), eq('kind', 1)],
      [eq('owner', 'a'), eq('kind', 2)],
      [eq('owner', 'b'), eq('kind', 1)],
      [eq('owner', 'b'), eq('kind', 2)],
    ],
  ],
  [
    'more than 64 combinations: the filters as given, one scan',
    [inList('owner', [1, 2, 3, 4, 5, 6, 7, 8, 9]), inList('kind', [1, 2, 3, 4, 5, 6, 7, 8])],
    [[inList('owner', [1, 2, 3, 4, 5, 6, 7, 8, 9]), inList('kind', [1, 2, 3, 4, 5, 6, 7, 8])]],
  ],
])('%s', (_name, filters, branches) => {
  expect(expandIn(filters)).toEqual(branches)
})

describe('a SQLite file store', () => {
  let file: string
  beforeEach(() => {
    file = path.join(tempDir(), 'store.db')
  })

  /** SQLite's plan for a statement, one line per step. */
  function planOf(sql: string, params: unknown[]): string {
    const db = new Driver(file, { readonly: true })
    try {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
      return rows.map((r) => r.detail).join('\n')
    } finally {
      db.close()
    }
  }

  test('a later page seeks: the index serves the range on the sort key and the order, nothing is sorted', async () => {
    const store = createSqliteStore(file)
    for (let n = 0; n < 30; n++) {
      await store.insert('probes', {
        _id: `p${n}`,
        owner: `o${n % 2}`,
        createdAt: n % 7,
        score: n,
        kind: 'k',
        version: 0,
      })
    }
    const cases: [Where['owner'], number][] = [
      ['o0', 1],
      [{ in: ['o0', 'o1'] }, 2],
    ]
    for (const [owner, branches] of cases) {
      const query = { where: { owner }, orderBy: { field: 'createdAt', direction: 'desc' as const }, limit: 4 }
      const first = await store.find('probes', query)
      const { sql, params } = findStatement('probes', { ...query, cursor: first.nextCursor })
      const plan = planOf(sql, params)
      expect(plan.match(/SEARCH probes USING INDEX probes__owner \(<expr>=\? AND <expr><\?\)/g)).toHaveLength(branches)
      expect(plan).not.toMatch(/SCAN probes|RIGHT PART OF ORDER BY/)
      // Only the merge of the branches' pages (limit + 1 rows each) is sorted.
      expect(plan.match(/TEMP B-TREE FOR ORDER BY/g) ?? []).toHaveLength(branches > 1 ? 1 : 0)
    }
    await store.close()
  })

  test('an index declared differently than a database holds is rebuilt when the store opens', async () => {
    const old = new Driver(file)
    old.exec('CREATE TABLE "probes" (_id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)')
    old.exec(`CREATE INDEX "probes__owner" ON "probes" (json_extract(doc, '$.owner') ASC)`)
    old.exec(`CREATE INDEX "probes__gone" ON "probes" (json_extract(doc, '$.gone') ASC)`)
    old.close()
    const store = createSqliteStore(file)
    await store.close()
    const db = new Driver(file, { readonly: true })
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'probes' AND sql IS NOT NULL`)
      .all() as { name: string; sql: string }[]
    db.close()
    expect(indexes.map((i) => i.name).sort()).toEqual(['probes__kindScore', 'probes__owner'])
    expect(indexes.find((i) => i.name === 'probes__owner')?.sql).toBe(
      `CREATE INDEX "probes__owner" ON "probes" (json_extract(doc, '$.owner') ASC, json_extract(doc, '$.createdAt') DESC, _id DESC)`,
    )
  })

  test('writes are checkpointed and the WAL restarted in the background, not by the writes themselves', async () => {
    const store = createSqliteStore(file, { checkpoint: { lookEveryMs: 50, busyEveryMs: 50 } })
    await store.transaction(async (tx) => {
      for (let n = 0; n < 500; n++) await tx.insert('probes', { _id: `w${n}`, owner: 'o', createdAt: n, version: 0 })
    })
    const restarts = () => {
      const db = new Driver(file, { readonly: true })
      try {
        return Number(db.prepare('SELECT COALESCE(MAX(n), 0) FROM "_wal_restarts"').pluck().get())
      } finally {
        db.close()
      }
    }
    const deadline = Date.now() + 5000
    while (restarts() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(restarts()).toBeGreaterThan(0)
    await store.close()
  })

  test('through a burst of writes the WAL is left alone; the first quiet moment copies and restarts it', async () => {
    const store = createSqliteStore(file, { checkpoint: { lookEveryMs: 100, busyEveryMs: 60_000 } })
    const restarts = () => {
      const db = new Driver(file, { readonly: true })
      try {
        return Number(db.prepare('SELECT COALESCE(MAX(n), 0) FROM "_wal_restarts"').pluck().get())
      } finally {
        db.close()
      }
    }
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    // A commit every few milliseconds: every look of the worker finds a new one.
    const burstEnds = Date.now() + 600
    for (let n = 0; Date.now() < burstEnds; n++) {
      await store.insert('probes', { _id: `b${n}`, owner: 'o', createdAt: n, version: 0 })
      await sleep(2)
    }
    expect(restarts()).toBe(0)
    const deadline = Date.now() + 5000
    while (restarts() === 0 && Date.now() < deadline) await sleep(20)
    expect(restarts()).toBe(1)
    await store.close()
  })
})
