/**
 * `npm run check:ledger` on real files: the seeded data holds; a tampered balance is reported; and a
 * gateway process killed (SIGKILL) in the middle of a burst of concurrent redemptions over HTTP leaves
 * every account equal to its ledger and no item oversold after restarting on the same data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { createSqliteStore } from '../../cloudfunctions/api/store/sqlite'
import { seedDemo } from '../../scripts/seed/demo'
import { userIdFor } from '../../cloudfunctions/api/users'
import { demoOpenId } from '../../scripts/seed/demo'
import { tempDir } from '../helpers/api'
import { login, post } from '../helpers/gateway'

const root = path.resolve(__dirname, '../..')
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')

function checkLedgerIn(dataDir: string) {
  const run = spawnSync(process.execPath, [tsx, path.join(root, 'scripts/check-ledger.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  })
  return { status: run.status, out: `${run.stdout}${run.stderr}${run.error ?? ''}${run.signal ?? ''}` }
}

test('the seeded demo data holds, and a tampered balance is reported', async () => {
  const dataDir = tempDir('wgt-ledger-')
  const store = createSqliteStore(path.join(dataDir, 'wanggetong.db'))
  await seedDemo(store, Date.now())
  await store.close()
  const ok = checkLedgerIn(dataDir)
  expect(ok.out).toContain('✓ 每个账户的明细合计等于余额')
  expect(ok.status).toBe(0)

  const again = createSqliteStore(path.join(dataDir, 'wanggetong.db'))
  const id = `acct_${userIdFor(demoOpenId('resident'))}`
  const account = await again.get('accounts', id)
  if (!account) throw new Error('seeded account missing')
  await again.replace('accounts', { ...account, balance: 999 })
  await again.close()
  const bad = checkLedgerIn(dataDir)
  expect(bad.status).toBe(1)
  expect(bad.out).toContain('明细合计 30，余额 999')
}, 60_000)

let running: ChildProcess | null = null
afterAll(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL')
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function startGateway(dataDir: string, port: number): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would run the server in a child a kill would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/serve.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, H5_DIST: tempDir('wgt-no-h5-') },
    stdio: 'ignore',
  })
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('gateway did not start')
    await new Promise((r) => setTimeout(r, 200))
  }
}

test('a gateway killed during concurrent redemptions leaves the ledger whole after restart', async () => {
  const dataDir = tempDir('wgt-kill-')
  const port = await freePort()
  let child = await startGateway(dataDir, port)
  running = child
  const url = `http://127.0.0.1:${port}`
  const admin = await login(url, 'street_admin')
  const buyers = ['resident', 'building_head', 'grid_worker']
  const tokens = await Promise.all(buyers.map((k) => login(url, k)))
  for (const key of buyers) {
    const res = await post(
      url,
      {
        action: 'credit.correct',
        payload: { userId: userIdFor(demoOpenId(key)), points: 500, reason: '压测' },
        requestId: `give-${key}-000`,
      },
      admin,
    )
    expect(res.body.ok).toBe(true)
  }
  const item = await post(
    url,
    {
      action: 'market.save',
      payload: {
        exchangePointId: 'ex_nz_center',
        name: '纸巾',
        price: 1,
        stock: 5000,
        perPersonLimit: 100,
        validUntil: Date.now() + 86_400_000,
      },
      requestId: 'item-tissue-0001',
    },
    admin,
  )
  expect(item.body).toMatchObject({ ok: true })
  const itemId = item.body.data.id as string
  // 3 × 200 redemptions at once (each person may take 100); the process is killed while they run.
  const burst = tokens.flatMap((token, b) =>
    Array.from({ length: 200 }, (_, i) =>
      post(
        url,
        { action: 'market.redeem', payload: { itemId }, requestId: `burst-${b}-${String(i).padStart(5, '0')}` },
        token,
      ).catch(() => null),
    ),
  )
  await new Promise((r) => setTimeout(r, 150))
  child.kill('SIGKILL')
  const answered = (await Promise.all(burst)).filter((r) => r?.body?.ok).length
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r))

  const check = checkLedgerIn(dataDir)
  expect(check.out).toContain('✓')
  expect(check.status).toBe(0)
  // Restarted on the same files, the gateway serves again and the invariant still holds.
  child = await startGateway(dataDir, port)
  running = child
  const again = await post(url, { action: 'credit.summary', payload: {} }, tokens[0])
  expect(again.body.ok).toBe(true)
  await new Promise((r) => {
    child.once('exit', r)
    child.kill('SIGTERM')
  })
  console.log(`kill test: ${answered} of 600 redemptions answered before SIGKILL; ledger check passed`)
}, 120_000)
