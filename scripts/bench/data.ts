/** Synthetic data for `npm run bench`: a year of orders across 南张's twelve grids and residents of one grid. */
import type { Store, StoredDoc } from '../../cloudfunctions/api/store/port'
import { newResident } from '../../cloudfunctions/api/users'

const YEAR_MS = 365 * 24 * 3600_000
/** Documents per transaction while loading: large enough that commits are rare, small enough to bound the WAL. */
const BATCH = 25_000
const GRIDS = ['nz', 'aj', 'xz'].flatMap((code) => [1, 2, 3, 4].map((n) => ({ code, id: `gd_${code}_0${n}` })))
const COMMUNITY: Record<string, string> = { nz: 'cm_nanzhang', aj: 'cm_anju', xz: 'cm_xinzha' }
const STATES = ['dispatched', 'accepted', 'in_progress', 'resolved', 'closed', 'closed', 'closed', 'closed'] as const

export const benchResident = (n: number) => `bench:${n}`

/** Order `i` of `count`, filed in time order over the past year; open ones due 4 h after filing. */
function orderDoc(i: number, count: number, now: number): StoredDoc {
  const created = now - YEAR_MS + Math.floor((i * YEAR_MS) / count)
  const grid = GRIDS[i % GRIDS.length] ?? { code: 'nz', id: 'gd_nz_01' }
  const state = STATES[Math.floor(i / GRIDS.length) % STATES.length] ?? 'closed'
  const finished = state === 'closed' || state === 'resolved'
  return {
    _id: `od_b_${i}`,
    no: `B-${i}`,
    source: 'snap',
    categoryId: 'cat_traffic',
    text: '僵尸车占道',
    photos: [],
    location: { lat: 35.402, lng: 116.58 },
    address: '',
    streetId: 'st_nanzhang',
    communityId: COMMUNITY[grid.code] ?? 'cm_nanzhang',
    gridId: grid.id,
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
    dueAt: created + 4 * 3600_000 + (finished ? 1e15 : 0),
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
  }
}

/** Inserts `count` documents made by `make`, one transaction per batch. */
async function insertBatched(
  store: Store,
  count: number,
  make: (i: number) => StoredDoc,
  collection: 'orders' | 'users',
) {
  for (let start = 0; start < count; start += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) await tx.insert(collection, make(i))
    })
  }
}

/** Loads `orders` orders and one resident per 50 orders (at least 200), all living in 南张社区第一网格. */
export async function loadBenchData(store: Store, orders: number, now: number): Promise<{ residents: number }> {
  const residents = Math.max(200, Math.floor(orders / 50))
  await insertBatched(
    store,
    residents,
    (n) => ({ ...newResident(benchResident(n), now), homeGridId: 'gd_nz_01' }),
    'users',
  )
  await insertBatched(store, orders, (i) => orderDoc(i, orders, now), 'orders')
  return { residents }
}
