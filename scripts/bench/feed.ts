/**
 * The grid feed part of `npm run bench`: the real dispatcher on SQLite files, a small street (2,000 posts, 100 in
 * 南张社区第一网格) and a large one (200,000 posts in the street, 10,000 of them in that grid; a quarter are 明白纸
 * with search words), timed interleaved in one process (after the shared untimed warm-up rounds). Prints p50/p95 of the grid's feed page and of keyword
 * searches, and each ratio large / small.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { FeedPostDoc } from '../../types'
import { createApi, type Api } from '../../cloudfunctions/api/app'
import { createLocalDeps } from '../../cloudfunctions/api/compose'
import { createSqliteStore } from '../../cloudfunctions/api/store/sqlite'
import type { Store } from '../../cloudfunctions/api/store/port'
import { textWords } from '../../cloudfunctions/api/modules/lostfound/words'
import { demoOpenId, seedDemo } from '../seed/demo'
import { feedDocsOf } from '../seed/feed'
import { percentile, runInterleaved, type Op, type Timing } from './timing'

const BATCH = 2_000
const READER = demoOpenId('grid_worker')
const GRIDS = ['gd_nz_01', 'gd_nz_02', 'gd_nz_03', 'gd_nz_04', 'gd_aj_01', 'gd_aj_02', 'gd_aj_03', 'gd_aj_04']
const TOPICS = [
  '养老保险转移',
  '燃气安全检查',
  '高龄补贴申请',
  '垃圾分类',
  '停水通知',
  '疫苗接种',
  '医保报销',
  '电动车充电',
]

/** Post `i` of a store where one post in `everyNth` belongs to 南张社区第一网格. */
function postDoc(i: number, everyNth: number, now: number): FeedPostDoc {
  const gridId = i % everyNth === 0 ? 'gd_nz_01' : (GRIDS[1 + (i % (GRIDS.length - 1))] ?? 'gd_nz_02')
  const topic = TOPICS[i % TOPICS.length] ?? ''
  const kind = i % 4 === 0 ? 'leaflet' : 'notice'
  const title = `${topic}（第 ${i} 期）`
  const body = `关于${topic}的说明：请居民按时办理，有疑问可咨询网格员或入格部门。`
  const createdAt = now - i * 60_000
  return {
    _id: `fp_bench_${i}`,
    kind,
    title,
    body,
    images: [],
    pdfUrl: null,
    departmentId: kind === 'leaflet' ? 'dp_yibao' : null,
    streetId: 'st_nanzhang',
    communityId: null,
    scope: 'grid',
    gridIds: [gridId],
    authorId: 'bench-author',
    authorLabel: '网格员 刘晓燕',
    pinned: false,
    state: 'live',
    editedAt: null,
    readCount: 0,
    groupReadCount: 0,
    words: kind === 'leaflet' ? [...new Set([...textWords(title), ...textWords(body)])].slice(0, 60) : [],
    createdAt,
    updatedAt: createdAt,
    version: 0,
  }
}

interface Bench {
  name: string
  size: number
  dir: string
  api: Api
  store: Store
  loadSeconds: number
}

async function openBench(size: number, everyNth: number, now: number): Promise<Bench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-bench-feed-'))
  const file = path.join(dir, 'bench.db')
  const store = createSqliteStore(file)
  const api = createApi(
    createLocalDeps({ dbFile: file, uploadDir: path.join(dir, 'uploads') }, { store, log: () => undefined }),
  )
  await seedDemo(store, now)
  const t0 = performance.now()
  for (let start = 0; start < size; start += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(size, start + BATCH); i++) {
        const post = postDoc(i, everyNth, now)
        await tx.insert('feedposts', post)
        for (const { collection, doc } of feedDocsOf(post)) await tx.insert(collection, doc)
      }
    })
  }
  const name = `${(size / 1000).toLocaleString()}k/${(size / everyNth / 1000).toLocaleString()}k`
  return { name, size, dir, api, store, loadSeconds: (performance.now() - t0) / 1000 }
}

const OPS: [string, string, Record<string, unknown>][] = [
  ['feed page 1', 'feed.list', { gridId: 'gd_nz_01' }],
  ['search: 养老保险 (common)', 'feed.search', { gridId: 'gd_nz_01', q: '养老保险' }],
  ['search: typed question', 'feed.search', { gridId: 'gd_nz_01', q: '外地的养老保险怎么转移过来？' }],
]

function opsOf(b: Bench): Op[] {
  return OPS.map(([name, action, payload]) => ({
    name,
    size: b.size,
    call: () => b.api.dispatch({ action, payload }, READER),
    check: (res) => {
      const r = res as { ok: boolean; data?: { items?: unknown[] } }
      return r.ok && (r.data?.items?.length ?? 0) > 0
    },
  }))
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '-').padStart(8)
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a').padStart(8)
const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c > '\u2e7f' ? 2 : 1), 0)))

function report(timings: Timing[], benches: Bench[]): void {
  const [small, large] = [benches[0], benches[benches.length - 1]]
  if (!small || !large) return
  const at = (name: string, size: number, q: number) => {
    const t = timings.find((x) => x.name === name && x.size === size)
    return t ? percentile(t.times, q) : NaN
  }
  console.log(
    `\n${pad('grid feed (street/grid posts)', 30)} ${'size'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  calls  empty or failed`,
  )
  for (const t of timings) {
    const b = benches.find((x) => x.size === t.size)
    console.log(
      `${pad(t.name, 30)} ${(b?.name ?? '').padStart(9)} ${ms(percentile(t.times, 50))} ${ms(percentile(t.times, 95))}  ${String(t.times.length).padStart(5)}  ${t.bad}`,
    )
  }
  console.log(`\n${pad(`ratio ${large.name} / ${small.name}`, 30)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}`)
  for (const [name] of OPS)
    console.log(
      `${pad(name, 30)} ${ratio(at(name, large.size, 50) / at(name, small.size, 50))} ${ratio(at(name, large.size, 95) / at(name, small.size, 95))}`,
    )
}

/** Runs the grid-feed bench: 2,000 posts (100 in the grid) against 200,000 (10,000 in the grid). */
export async function benchFeed(calls: number): Promise<void> {
  const now = Date.now()
  const benches: Bench[] = []
  for (const [size, everyNth] of [
    [2_000, 20],
    [200_000, 20],
  ] as const) {
    const b = await openBench(size, everyNth, now)
    benches.push(b)
    console.log(
      `  ${size.toLocaleString()} feed posts (${(size / everyNth).toLocaleString()} in the grid) loaded in ${b.loadSeconds.toFixed(1)} s`,
    )
  }
  report(await runInterleaved(benches.flatMap(opsOf), calls, Math.min(100, calls)), benches)
  for (const b of benches) {
    await b.store.close()
    fs.rmSync(b.dir, { recursive: true, force: true })
  }
}
