/**
 * The lost-and-found part of `npm run bench [-- --posts N]`: the real dispatcher on SQLite files holding
 * 10,000 and N open posts (default 100,000) in 南张街道, timed interleaved in one process. Prints p50/p95 of
 * a grid's list, the street-wide list, a filtered list and keyword searches, and each ratio N / 10,000.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import { maskSensitiveText, POST_DAYS, type LostCategory, type LostKind, type LostPostDoc } from '../../types'
import { createApi, type Api } from '../../cloudfunctions/api/app'
import { createLocalDeps } from '../../cloudfunctions/api/compose'
import { createSqliteStore } from '../../cloudfunctions/api/store/sqlite'
import type { Store } from '../../cloudfunctions/api/store/port'
import { insertPost } from '../../cloudfunctions/api/modules/lostfound/repo'
import { wordsOf } from '../../cloudfunctions/api/modules/lostfound/words'
import { demoOpenId, seedDemo } from '../seed/demo'
import { percentile, runInterleaved, type Op, type Timing } from './timing'

const SMALL = 10_000
const BATCH = 2_000
const DAY = 24 * 60 * 60 * 1000
const READER = demoOpenId('grid_worker')

/** What people lose and find, with a few words around it: enough variety that words differ in how common they are. */
const THINGS: [LostCategory, string][] = [
  ['id_card', '身份证'],
  ['id_card', '驾驶证'],
  ['wallet', '黑色钱包'],
  ['wallet', '红色钱包'],
  ['keys', '钥匙一串'],
  ['keys', '电动车钥匙'],
  ['phone', '华为手机'],
  ['phone', '蓝牙耳机'],
  ['pet', '橘猫'],
  ['pet', '泰迪犬'],
  ['clothing', '校服外套'],
  ['other', '雨伞'],
]
const PLACES = ['菜市场', '公交站', '健身广场', '幼儿园门口', '便民服务站', '超市', '小区花园', '篮球场']
const KINDS: LostKind[] = ['lost', 'found']

function postDoc(i: number, now: number): LostPostDoc {
  const [category, thing] = THINGS[i % THINGS.length] ?? THINGS[0]!
  const kind = KINDS[(i >> 3) % 2] ?? 'lost'
  const place = PLACES[(i >> 4) % PLACES.length] ?? ''
  const grid = `gd_nz_${String((i % 4) + 1).padStart(2, '0')}`
  const title = `${kind === 'lost' ? '丢失' : '捡到'}${thing}`
  const text = `${place}附近${kind === 'lost' ? '丢失' : '捡到'}${thing}，请联系网格员`
  const createdAt = now - (i % (25 * 24 * 60)) * 60_000 - (i % 997)
  const publicTitle = maskSensitiveText(title)
  const publicText = maskSensitiveText(text)
  return {
    _id: `lp_bench_${i}`,
    kind,
    category,
    title,
    text,
    publicTitle,
    publicText,
    question: '',
    place,
    location: null,
    happenedAt: createdAt - DAY,
    photos: [],
    streetId: 'st_nanzhang',
    communityId: 'cm_nanzhang',
    gridId: grid,
    wide: i % 2 === 0,
    ownerId: `bench-owner-${i % 5000}`,
    byStaff: false,
    posterLabel: '居民 张**',
    state: 'open',
    closeReason: '',
    returnedBy: null,
    returnedAt: null,
    expiresAt: createdAt + POST_DAYS[kind] * DAY,
    filterKey: `${kind}|${category}`,
    words: wordsOf(publicTitle, publicText, category),
    claimCount: 0,
    createdAt,
    updatedAt: createdAt,
    version: 0,
  }
}

interface Bench {
  size: number
  dir: string
  api: Api
  store: Store
  loadSeconds: number
}

async function openBench(size: number, now: number): Promise<Bench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-bench-lf-'))
  const file = path.join(dir, 'bench.db')
  const store = createSqliteStore(file)
  const api = createApi(
    createLocalDeps({ dbFile: file, uploadDir: path.join(dir, 'uploads') }, { store, log: () => undefined }),
  )
  await seedDemo(store, now)
  const t0 = performance.now()
  for (let start = 0; start < size; start += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(size, start + BATCH); i++) await insertPost(tx, postDoc(i, now))
    })
  }
  return { size, dir, api, store, loadSeconds: (performance.now() - t0) / 1000 }
}

const LISTS: [string, Record<string, unknown>][] = [
  ['list: my grid', {}],
  ['list: street-wide', { scope: 'street' }],
  ['list: found 证件', { kind: 'found', category: 'id_card' }],
  ['search: 钱包 (common)', { scope: 'street', q: '钱包' }],
  ['search: 橘猫 幼儿园', { q: '橘猫 幼儿园' }],
]

const ListAnswer = z.object({ ok: z.literal(true), data: z.object({ items: z.array(z.unknown()) }) })

function opsOf(b: Bench): Op[] {
  return LISTS.map(([name, payload]) => ({
    name,
    size: b.size,
    call: () => b.api.dispatch({ action: 'lostfound.list', payload }, READER),
    check: (res) => (ListAnswer.safeParse(res).data?.data.items.length ?? 0) > 0,
  }))
}

const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`)
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '-').padStart(8)
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a').padStart(8)
const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c > '\u2e7f' ? 2 : 1), 0)))

function report(timings: Timing[], sizes: number[]): void {
  const [small, large] = [sizes[0] ?? SMALL, sizes[sizes.length - 1] ?? SMALL]
  const at = (name: string, size: number, q: number) => {
    const t = timings.find((x) => x.name === name && x.size === size)
    return t ? percentile(t.times, q) : NaN
  }
  console.log(
    `\n${pad('lost and found', 26)} ${'size'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  calls  empty or failed`,
  )
  for (const t of timings)
    console.log(
      `${pad(t.name, 26)} ${label(t.size).padStart(5)} ${ms(percentile(t.times, 50))} ${ms(percentile(t.times, 95))}  ${String(t.times.length).padStart(5)}  ${t.bad}`,
    )
  console.log(`\n${pad(`ratio ${label(large)} / ${label(small)}`, 26)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}`)
  for (const [name] of LISTS)
    console.log(
      `${pad(name, 26)} ${ratio(at(name, large, 50) / at(name, small, 50))} ${ratio(at(name, large, 95) / at(name, small, 95))}`,
    )
}

/** Runs the lost-and-found bench with `--posts N` from argv (default 100,000) and `calls` timed calls per op. */
export async function benchLostFound(argv: string[], calls: number): Promise<void> {
  const flag = argv.indexOf('--posts')
  const posts = flag >= 0 ? Number(argv[flag + 1]) : 100_000
  if (!Number.isInteger(posts) || posts < SMALL) throw new Error(`--posts must be an integer ≥ ${SMALL}`)
  const sizes = [...new Set([SMALL, posts])]
  const now = Date.now()
  const benches: Bench[] = []
  for (const size of sizes) {
    const b = await openBench(size, now)
    benches.push(b)
    console.log(`  ${size.toLocaleString()} lost-and-found posts loaded in ${b.loadSeconds.toFixed(1)} s`)
  }
  report(await runInterleaved(benches.flatMap(opsOf), calls, Math.min(100, calls)), sizes)
  for (const b of benches) {
    await b.store.close()
    fs.rmSync(b.dir, { recursive: true, force: true })
  }
}
