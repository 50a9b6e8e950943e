/**
 * The credit part of `npm run bench [-- --entries N]`: on a SQLite file, 50 redemptions at once through the
 * real dispatcher (throughput and p95, rounds repeated), and `check:ledger` over N ledger entries (default
 * 100,000) spread over 5,000 accounts (time). Prints, never fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { LedgerDoc } from '../../types'
import { createApi } from '../../cloudfunctions/api/app'
import { createLocalDeps } from '../../cloudfunctions/api/compose'
import { createSqliteStore } from '../../cloudfunctions/api/store/sqlite'
import { checkLedger } from '../../cloudfunctions/api/modules/credit/check'
import { accountId, monthOf, newAccount } from '../../cloudfunctions/api/modules/credit/ledger'
import { userIdFor } from '../../cloudfunctions/api/users'
import { seedDemo } from '../seed/demo'
import { percentile } from './timing'

const PARALLEL = 50
const ROUNDS = 10
const ACCOUNTS = 5_000
const BATCH = 2_000

export async function benchCredit(argv: string[]): Promise<void> {
  const flag = argv.indexOf('--entries')
  const entries = flag >= 0 ? Number(argv[flag + 1]) : 100_000
  if (!Number.isInteger(entries) || entries < ACCOUNTS) throw new Error(`--entries must be an integer ≥ ${ACCOUNTS}`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-bench-credit-'))
  const file = path.join(dir, 'bench.db')
  const store = createSqliteStore(file)
  const api = createApi(
    createLocalDeps({ dbFile: file, uploadDir: path.join(dir, 'uploads') }, { store, log: () => undefined }),
  )
  const now = Date.now()
  await seedDemo(store, now)

  // Buyers with points, and an item that will not run out: every call is a full redemption.
  const buyers = Array.from({ length: PARALLEL }, (_, i) => `bench-buyer-${i}`)
  await store.transaction(async (tx) => {
    for (const openId of buyers) {
      const userId = userIdFor(openId)
      const points = 10_000
      await tx.insert('accounts', { ...newAccount(userId), balance: points, earned: points, streetId: 'st_nanzhang' })
      await tx.insert('ledger', entry(userId, `led_bench_give_${userId}`, points, now))
    }
    await tx.insert('marketitems', {
      _id: 'mi_bench',
      streetId: 'st_nanzhang',
      communityId: null,
      exchangePointId: 'ex_nz_center',
      name: '压测物品',
      description: '',
      price: 1,
      stock: 1_000_000,
      issued: 0,
      perPersonLimit: 100,
      validUntil: now + 86_400_000,
      active: true,
      createdAt: now,
      version: 0,
    })
  })
  const times: number[] = []
  let ok = 0
  const t0 = performance.now()
  for (let round = 0; round < ROUNDS; round++) {
    const results = await Promise.all(
      buyers.map(async (openId, i) => {
        const start = performance.now()
        const res = await api.dispatch(
          {
            action: 'market.redeem',
            payload: { itemId: 'mi_bench' },
            requestId: `bench-r${round}-${String(i).padStart(4, '0')}`,
          },
          openId,
        )
        times.push(performance.now() - start)
        return res.ok
      }),
    )
    ok += results.filter(Boolean).length
  }
  const seconds = (performance.now() - t0) / 1000
  times.sort((a, b) => a - b)
  console.log(
    `  ${ROUNDS} rounds of ${PARALLEL} redemptions at once: ${ok} of ${ROUNDS * PARALLEL} issued, ${(ok / seconds).toFixed(0)} per second, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (each waits its turn on the one SQLite writer)`,
  )

  // The ledger check over `entries` entries on ACCOUNTS accounts, each account equal to its entries.
  const perAccount = Math.floor(entries / ACCOUNTS)
  for (let start = 0; start < ACCOUNTS; start += BATCH / perAccount) {
    await store.transaction(async (tx) => {
      for (let a = start; a < Math.min(ACCOUNTS, start + BATCH / perAccount); a++) {
        const userId = `bench-ledger-${a}`
        for (let e = 0; e < perAccount; e++)
          await tx.insert('ledger', entry(userId, `led_bench_${a}_${e}`, 1, now - e * 1000))
        await tx.insert('accounts', {
          ...newAccount(userId),
          _id: accountId(userId),
          balance: perAccount,
          earned: perAccount,
        })
      }
    })
  }
  const c0 = performance.now()
  const check = await checkLedger(store)
  const checkSeconds = (performance.now() - c0) / 1000
  console.log(
    `  check:ledger over ${check.entries.toLocaleString()} entries on ${check.accounts.toLocaleString()} accounts: ${checkSeconds.toFixed(1)} s, ${check.problems.length} problems`,
  )
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

function entry(userId: string, id: string, points: number, at: number): LedgerDoc {
  return {
    _id: id,
    userId,
    kind: 'correct',
    points,
    event: null,
    subjectType: 'bench',
    subjectId: id,
    reason: '压测',
    link: null,
    at,
    month: monthOf(at),
    expiresAt: null,
    streetId: 'st_nanzhang',
    gridId: null,
    byId: null,
    version: 0,
  }
}
