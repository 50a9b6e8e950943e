/**
 * `npm run bench [-- --orders N] [--posts N] [--calls N]`: the real dispatcher on SQLite files holding 10,000 and N orders
 * (default 100,000), timed in one process with the stores' calls interleaved, next to the raw SQL of the same
 * queries on the same files. Prints p50/p95/p99, each ratio of issue 16 against its goal, and whether every
 * timed 待办 page was full. Then the lost-and-found lists and searches (scripts/bench/lostfound.ts) and credit:
 * 50 redemptions at once and the ledger check over --entries N (scripts/bench/credit.ts); the grid feed's page and
 * searches with 200,000 posts in the street (scripts/bench/feed.ts). Prints, never fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { createApi, type Api } from '../cloudfunctions/api/app'
import { createLocalDeps } from '../cloudfunctions/api/compose'
import { createSqliteStore, findStatement } from '../cloudfunctions/api/store/sqlite'
import type { Query, Store } from '../cloudfunctions/api/store/port'
import { userIdFor } from '../cloudfunctions/api/users'
import { demoOpenId, seedDemo } from './seed/demo'
import { benchResident, loadBenchData } from './bench/data'
import { percentile, runInterleaved, WARM_UP_ROUNDS, type Op, type Timing } from './bench/timing'
import { benchLostFound } from './bench/lostfound'
import { benchCredit } from './bench/credit'
import { benchFeed } from './bench/feed'

const SMALL = 10_000
const PAGE = 20
const DEEP_PAGE = 300
const WORKER = demoOpenId('grid_worker')

const OptionsSchema = z.object({
  orders: z.coerce.number().int().min(SMALL).max(1_000_000).default(100_000),
  calls: z.coerce.number().int().min(100).default(2000),
})

function parseOptions(argv: string[]): z.infer<typeof OptionsSchema> {
  const raw: Record<string, string> = {}
  if (process.env.BENCH_CALLS) raw.calls = process.env.BENCH_CALLS
  for (let i = 0; i < argv.length; i++) {
    const flag = /^--(orders|calls)$/.exec(argv[i] ?? '')
    if (flag?.[1]) raw[flag[1]] = argv[++i] ?? ''
  }
  return OptionsSchema.parse(raw)
}

const answer = <T extends z.ZodType>(data: T) => z.object({ ok: z.literal(true), data })
const PageAnswer = answer(z.object({ items: z.array(z.unknown()), nextCursor: z.string().nullable() }))
const MeAnswer = answer(z.object({ homeGrid: z.object({ workers: z.array(z.unknown()) }).nullable() }))
const CreatedAnswer = answer(z.object({ id: z.string() }))
const StorePage = z.object({ items: z.array(z.unknown()) })
const Rows = z.array(z.unknown())

/** A page of a list action that is not the last one: exactly PAGE items and a cursor onwards. */
function fullPage(res: unknown): string | null {
  const page = PageAnswer.safeParse(res)
  return page.success && page.data.data.items.length === PAGE ? page.data.data.nextCursor : null
}

/** A store that tells which query it was asked: how the benchmark learns the SQL behind 待办. */
function recording(store: Store, seen: { collection: string; query: Query }[]): Store {
  return { ...store, find: (collection, query) => (seen.push({ collection, query }), store.find(collection, query)) }
}

interface Bench {
  size: number
  dir: string
  api: Api
  store: Store
  raw: BetterSqlite3.Database
  residents: number
  loadSeconds: number
  megabytes: number
  /** Cursors of 待办 pages 3 and 300 (null when there are fewer pages). */
  cursors: Record<3 | 300, string | null>
  /** The query 待办 page 1 asks the store, and the statement the store runs for it. */
  inbox: { query: Query; sql: string; params: (string | number | null)[] }
}

async function openBench(size: number, now: number): Promise<Bench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-bench-'))
  const file = path.join(dir, 'bench.db')
  const config = { dbFile: file, uploadDir: path.join(dir, 'uploads') }
  const log = () => undefined
  const store = createSqliteStore(file)
  const api = createApi(createLocalDeps(config, { store, log }))
  await seedDemo(store, now)
  const t0 = performance.now()
  const { residents } = await loadBenchData(store, size, now)
  const loadSeconds = (performance.now() - t0) / 1000
  const seen: { collection: string; query: Query }[] = []
  const probe = createApi(createLocalDeps(config, { store: recording(store, seen), log }))
  let cursor = fullPage(await probe.dispatch({ action: 'orders.inbox', payload: {} }, WORKER))
  const asked = seen.find((s) => s.collection === 'orders')
  if (!asked || !cursor) throw new Error('待办 page 1 of the bench worker is not full')
  const cursors: Bench['cursors'] = { 3: null, 300: null }
  for (let page = 2; page < DEEP_PAGE && cursor; page++) {
    cursor = fullPage(await api.dispatch({ action: 'orders.inbox', payload: { cursor } }, WORKER))
    if (page === 2) cursors[3] = cursor
    if (page === DEEP_PAGE - 1) cursors[300] = cursor
  }
  const megabytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0) / 2 ** 20
  const raw = new BetterSqlite3(file, { readonly: true })
  return {
    size,
    dir,
    api,
    store,
    raw,
    residents,
    loadSeconds,
    megabytes,
    cursors,
    inbox: { query: asked.query, ...findStatement('orders', asked.query) },
  }
}

function opsOf(b: Bench): Op[] {
  const resident = (i: number) => benchResident((i * 7919) % b.residents)
  // The store's statements answer their first column only; the floors read the same way.
  const readUser = b.raw.prepare('SELECT doc FROM "users" WHERE _id = ?').pluck()
  const inboxSql = b.raw.prepare(b.inbox.sql).pluck()
  const inbox = (name: string, cursor: string | null): Op => ({
    name,
    size: b.size,
    call: () => b.api.dispatch({ action: 'orders.inbox', payload: cursor ? { cursor } : {} }, WORKER),
    check: (res) => fullPage(res) !== null,
  })
  const ops: Op[] = [
    {
      name: 'me.get',
      size: b.size,
      call: (i) => b.api.dispatch({ action: 'me.get', payload: {} }, resident(i)),
      check: (res) => MeAnswer.safeParse(res).data?.data.homeGrid != null,
    },
    {
      name: 'raw read by id',
      size: b.size,
      call: (i) => readUser.get(userIdFor(resident(i))),
      check: (doc) => typeof doc === 'string',
    },
    inbox('待办 page 1', null),
    {
      name: 'raw SQL of 待办 page 1',
      size: b.size,
      call: () => inboxSql.all(...b.inbox.params),
      check: (rows) => Rows.safeParse(rows).data?.length === PAGE + 1,
    },
    // Between the two: what the store adds (planning, JSON.parse of each document) before any module code runs.
    {
      name: 'store.find of 待办 page 1',
      size: b.size,
      call: () => b.store.find('orders', b.inbox.query),
      check: (page) => StorePage.safeParse(page).data?.items.length === PAGE,
    },
    inbox('待办 page 3', b.cursors[3]),
    {
      name: 'orders.create',
      size: b.size,
      call: (i) => {
        const payload = {
          source: 'snap',
          categoryId: 'cat_traffic',
          text: '僵尸车占道',
          location: { lat: 35.4021, lng: 116.5806 },
        }
        // The report quota is per reporter per hour: each create comes from its own rider.
        const rider = `bench-rider:${b.size}:${i}`
        return b.api.dispatch({ action: 'orders.create', payload, requestId: `create-${i}` }, rider)
      },
      check: (res) => CreatedAnswer.safeParse(res).success,
    },
  ]
  if (b.cursors[300]) ops.push(inbox(`待办 page ${DEEP_PAGE}`, b.cursors[300]))
  return ops
}

/** Pads to a column width, counting a CJK character as two columns as terminals draw it. */
const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c > '\u2e7f' ? 2 : 1), 0)))
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '-').padStart(8)
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a').padStart(8)

function report(timings: Timing[], sizes: number[]): void {
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`)
  const find = (name: string, size: number) => timings.find((t) => t.name === name && t.size === size)
  const p = (name: string, size: number, q: number) => {
    const t = find(name, size)
    return t ? percentile(t.times, q) : NaN
  }
  console.log(
    `\n${pad('operation', 26)} ${'size'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  calls  not as expected`,
  )
  for (const t of timings) {
    const [p50, p95, p99] = [50, 95, 99].map((q) => percentile(t.times, q))
    console.log(
      `${pad(t.name, 26)} ${label(t.size).padStart(5)} ${ms(p50 ?? NaN)} ${ms(p95 ?? NaN)} ${ms(p99 ?? NaN)}  ${String(t.times.length).padStart(5)}  ${t.bad}`,
    )
  }
  const [small, large] = [sizes[0] ?? SMALL, sizes[sizes.length - 1] ?? SMALL]
  const perSize = (f: (size: number) => number) => sizes.map((s) => `${label(s)} ${ratio(f(s))}`).join('   ')
  console.log(`\n${pad('figure (issue 16)', 46)} ${'goal'.padStart(8)}   measured`)
  const rows: [string, string, string][] = [
    [
      '待办 page 1, dispatcher / raw SQL, p50',
      '≤ 2×',
      perSize((s) => p('待办 page 1', s, 50) / p('raw SQL of 待办 page 1', s, 50)),
    ],
    ['me.get / one raw read by id, p50', '≤ 6×', perSize((s) => p('me.get', s, 50) / p('raw read by id', s, 50))],
    [
      `待办 page ${DEEP_PAGE} / page 3, p50`,
      '≤ 1.3×',
      perSize((s) => p(`待办 page ${DEEP_PAGE}`, s, 50) / p('待办 page 3', s, 50)),
    ],
    ['orders.create p99 / p50', '≤ 3×', perSize((s) => p('orders.create', s, 99) / p('orders.create', s, 50))],
    [
      `待办 page 1 p50, ${label(large)} / ${label(small)}`,
      '≤ 1.2',
      ratio(p('待办 page 1', large, 50) / p('待办 page 1', small, 50)),
    ],
    [
      `待办 page 1 p95, ${label(large)} / ${label(small)}`,
      '≤ 1.2',
      ratio(p('待办 page 1', large, 95) / p('待办 page 1', small, 95)),
    ],
  ]
  for (const [name, goal, value] of rows) console.log(`${pad(name, 46)} ${goal.padStart(8)}   ${value}`)
  const share = (s: number) => {
    const [raw, store, all] = ['raw SQL of 待办 page 1', 'store.find of 待办 page 1', '待办 page 1'].map((n) =>
      p(n, s, 50),
    )
    return `${label(s)}: SQL ${ms(raw ?? NaN).trim()}, store +${ms((store ?? NaN) - (raw ?? NaN)).trim()}, modules and dispatcher +${ms((all ?? NaN) - (store ?? NaN)).trim()}`
  }
  console.log(`\n待办 page 1 p50 in ms, where it goes: ${sizes.map(share).join('; ')}`)
  const pages = timings.filter((t) => t.name.startsWith('待办 page'))
  const notFull = pages.reduce((sum, t) => sum + t.bad, 0)
  const timed = pages.reduce((sum, t) => sum + t.times.length, 0)
  console.log(
    notFull === 0
      ? `\nevery timed 待办 page was full: yes (${timed.toLocaleString()} pages of ${PAGE}, each with a next cursor)`
      : `\nevery timed 待办 page was full: NO, ${notFull} of ${timed.toLocaleString()} were not`,
  )
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const sizes = [...new Set([SMALL, options.orders])]
  const chunk = Math.min(100, options.calls)
  console.log(
    `bench: real dispatcher on SQLite files, ${options.calls} timed calls per operation and size, interleaved in chunks of ${chunk} after ${WARM_UP_ROUNDS} untimed rounds, results checked outside the clock (Node ${process.version}, ${os.cpus().length} cores)`,
  )
  const now = Date.now()
  const benches: Bench[] = []
  for (const size of sizes) {
    const b = await openBench(size, now)
    benches.push(b)
    console.log(
      `  ${size.toLocaleString()} orders + ${b.residents.toLocaleString()} residents loaded in ${b.loadSeconds.toFixed(1)} s (${b.megabytes.toFixed(0)} MB on disk); 待办 page ${DEEP_PAGE}: ${b.cursors[300] ? 'yes' : 'no, fewer pages'}`,
    )
  }
  const t0 = performance.now()
  const timings = await runInterleaved(benches.flatMap(opsOf), options.calls, chunk)
  console.log(`  timed in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  report(timings, sizes)
  for (const b of benches) {
    b.raw.close()
    await b.store.close()
    fs.rmSync(b.dir, { recursive: true, force: true })
  }
  console.log('\nbench: lost and found (issue 11), the same way')
  await benchLostFound(process.argv.slice(2), options.calls)
  console.log('\nbench: credit points (issue 12)')
  await benchCredit(process.argv.slice(2))
  console.log('\nbench: the grid feed (issue 13)')
  await benchFeed(options.calls)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
