/**
 * `npm run bench`: drives the real dispatcher on a SQLite file with 10,000 and 100,000 synthetic
 * documents and prints p50/p95 per action and the ratio between the two sizes. Prints, never fails.
 */
import path from 'node:path'
import fs from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { createApi } from '../cloudfunctions/api/app'
import { createLocalDeps } from '../cloudfunctions/api/compose'
import { userIdFor, newResident } from '../cloudfunctions/api/users'
import { seedDemo } from './seed/demo'

const SIZES = [10_000, 100_000]
const CALLS = Number(process.env.BENCH_CALLS ?? 2000)
const MESSAGES_PER_USER = 50

type Stats = { p50: number; p95: number }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function measure(label: string, run: (i: number) => Promise<{ ok: boolean }>): Promise<Stats> {
  for (let i = 0; i < 100; i++) await run(1_000_000 + i) // warm-up, with ids the timed calls do not reuse
  const times: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now()
    const res = await run(i)
    times.push(performance.now() - t)
    if (!res.ok) throw new Error(`${label} failed: ${JSON.stringify(res)}`)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

async function benchSize(size: number): Promise<Record<string, Stats>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-bench-'))
  const deps = createLocalDeps(
    { dbFile: path.join(dir, 'bench.db'), uploadDir: path.join(dir, 'uploads') },
    { log: () => undefined },
  )
  const api = createApi(deps)
  const now = Date.now()
  await seedDemo(deps.store, now)
  const users = Math.max(1, Math.floor(size / (MESSAGES_PER_USER + 1)))
  const t0 = performance.now()
  await deps.store.transaction(async (tx) => {
    for (let u = 0; u < users; u++) {
      const openId = `bench:${u}`
      await tx.insert('users', { ...newResident(openId, now), homeGridId: 'gd_nz_01' })
      for (let m = 0; m < MESSAGES_PER_USER; m++) {
        await tx.insert('messages', {
          _id: `msg_b_${u}_${m}`,
          userId: userIdFor(openId),
          title: `通知 ${m}`,
          body: '网格通知内容',
          link: null,
          read: m % 3 === 0,
          createdAt: now - m * 60_000,
          version: 0,
        })
      }
    }
  })
  const orders = size
  const grids = [
    'gd_nz_01',
    'gd_nz_02',
    'gd_nz_03',
    'gd_nz_04',
    'gd_aj_01',
    'gd_aj_02',
    'gd_aj_03',
    'gd_aj_04',
    'gd_xz_01',
    'gd_xz_02',
    'gd_xz_03',
    'gd_xz_04',
  ]
  const states = ['dispatched', 'accepted', 'in_progress', 'resolved', 'closed', 'closed', 'closed', 'closed'] as const
  await deps.store.transaction(async (tx) => {
    for (let i = 0; i < orders; i++) {
      const created = now - (i % 10_000) * 60_000
      const state = states[i % states.length] ?? 'closed'
      await tx.insert('orders', {
        _id: `od_b_${i}`,
        no: `B-${i}`,
        source: 'snap',
        categoryId: 'cat_traffic',
        text: '僵尸车占道',
        photos: [],
        location: { lat: 35.402, lng: 116.58 },
        address: '',
        streetId: 'st_nanzhang',
        communityId: 'cm_nanzhang',
        gridId: grids[i % grids.length] ?? null,
        departmentId: null,
        jointDepartmentIds: [],
        reporterId: `u_bench_${i % 500}`,
        anonymous: false,
        onBehalfOf: null,
        followerIds: [],
        repeatCount: 0,
        state,
        handlerId: null,
        escalation: 'grid',
        supervised: false,
        joint: null,
        dueAt: created + 4 * 3600_000 + (state === 'closed' || state === 'resolved' ? 1e15 : 0),
        acceptDeadline: created + 4 * 3600_000,
        resolveDeadline: null,
        acceptedAt: null,
        resolvedAt: state === 'resolved' ? created : null,
        closedAt: null,
        rating: null,
        ratingComment: '',
        autoClosed: false,
        reopenCount: 0,
        unsatisfiedCount: 0,
        mergedInto: null,
        rejectReason: null,
        createdAt: created,
        updatedAt: created,
        version: 0,
      })
    }
  })
  const docs = users * (MESSAGES_PER_USER + 1) + orders
  console.log(
    `  ${size.toLocaleString()} 级：另有 ${orders.toLocaleString()} 条工单；写入 ${docs.toLocaleString()} 条文档用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
  const who = (i: number) => `bench:${(i * 7919) % users}`
  const stats = {
    'me.get': await measure('me.get', (i) => api.dispatch({ action: 'me.get', payload: {} }, who(i))),
    'messages.list (page 1)': await measure('list', (i) =>
      api.dispatch({ action: 'messages.list', payload: { limit: 20 } }, who(i)),
    ),
    'messages.list (page 2)': await measure('list2', async (i) => {
      const first = await api.dispatch({ action: 'messages.list', payload: { limit: 20 } }, who(i))
      const cursor =
        first.ok && typeof first.data === 'object' && first.data && 'nextCursor' in first.data
          ? first.data.nextCursor
          : null
      return api.dispatch({ action: 'messages.list', payload: { limit: 20, cursor } }, who(i))
    }),
    // Rate limit is per reporter per hour: each create comes from its own rider.
    'orders.create (snap, routed)': await measure('create', (i) =>
      api.dispatch(
        {
          action: 'orders.create',
          payload: {
            source: 'snap',
            categoryId: 'cat_traffic',
            text: '僵尸车占道',
            location: { lat: 35.4021, lng: 116.5806 },
          },
          requestId: `bench-create-${i}`,
        },
        `bench-rider:${i}`,
      ),
    ),
    'orders.inbox (worker 待办)': await measure('inbox', () =>
      api.dispatch({ action: 'orders.inbox', payload: {} }, 'demo:grid_worker'),
    ),
  }
  await deps.store.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return stats
}

async function main(): Promise<void> {
  console.log(
    `基准测试：SQLite 文件 + 真实 dispatcher，每项 ${CALLS} 次调用（Node ${process.version}, ${os.cpus().length} 核）`,
  )
  const results: Record<number, Record<string, Stats>> = {}
  for (const size of SIZES) results[size] = await benchSize(size)
  const [small, large] = SIZES.map((s) => results[s] ?? {})
  console.log('\naction                       | 10k p50 ms | 10k p95 ms | 100k p50 ms | 100k p95 ms | p50 ratio')
  for (const name of Object.keys(small ?? {})) {
    const a = small?.[name]
    const b = large?.[name]
    if (!a || !b) continue
    console.log(
      `${name.padEnd(28)} | ${a.p50.toFixed(3).padStart(10)} | ${a.p95.toFixed(3).padStart(10)} | ${b.p50.toFixed(3).padStart(11)} | ${b.p95.toFixed(3).padStart(11)} | ${(b.p50 / a.p50).toFixed(2)}x`,
    )
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
