/** The deployable bundle, loaded in a clean node process and called the way CloudBase calls it. */
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../../../scripts/build-functions'
import { cloudbaseConfig } from '../../../scripts/cloudbase-config'
import { SCHEMA } from '../../../cloudfunctions/api/store/schema'
import { tempDir } from '../../helpers/api'

const root = path.resolve(__dirname, '../../..')
let outDir: string

beforeAll(async () => {
  outDir = tempDir('wgt-fn-')
  await buildFunctions(outDir)
}, 60000)

/** Runs `script` in a fresh node with only the bundle's own dir and the repo's node_modules. */
function runInCleanProcess(script: string, env: Record<string, string>): unknown {
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: tempDir('wgt-fn-run-'),
    env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(root, 'node_modules'), ...env },
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').pop() ?? 'null')
}

const cloudContext = (openId: string) =>
  JSON.stringify({
    request_id: 'r-1',
    function_name: 'api',
    namespace: 'env-test',
    environment: JSON.stringify({ WX_OPENID: openId, WX_APPID: 'wx0000000000000000' }),
  })

test('the bundle answers a CloudBase-shaped call on SQLite, with identity from the runtime context', () => {
  const dataDir = tempDir('wgt-fn-data-')
  const script = `
    const { main } = require(${JSON.stringify(path.join(outDir, 'index.js'))});
    (async () => {
      const ctx = ${cloudContext('o_bundle_user')};
      const first = await main({ action: 'me.update', payload: { nickname: '云端用户' }, requestId: 'bundle-req-01' }, ctx);
      const again = await main({ action: 'me.get', payload: {} }, ctx);
      const anon = await main({ action: 'me.get', payload: {}, openId: 'o_bundle_user' }, { request_id: 'r-2', environment: '{}' });
      const tick = await main({ Type: 'Timer', TriggerName: 'tick', Time: '2026-11-23T01:00:00Z' }, { request_id: 'r-3', environment: '{}' });
      console.log(JSON.stringify({ first, again, anon, tick }));
    })().catch((e) => { console.log(JSON.stringify({ crashed: String(e) })); });
  `
  const result = runInCleanProcess(script, { STORAGE: 'sqlite', DATA_DIR: dataDir })
  expect(result).toMatchObject({
    first: { ok: true, data: { nickname: '云端用户', roles: [{ role: 'resident' }] } },
    again: { ok: true, data: { nickname: '云端用户' } },
    anon: { ok: false, error: { code: 'UNAUTHENTICATED' } },
    tick: { ok: true, data: { expiredRequests: 0 } },
  })
  expect(fs.existsSync(path.join(dataDir, 'wanggetong.db'))).toBe(true)
})

test('the function package names only what the cloud must install', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(outDir, 'package.json'), 'utf8'))
  expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk'])
  const bundle = fs.readFileSync(path.join(outDir, 'index.js'), 'utf8')
  const requires = [...bundle.matchAll(/require\("([^".][^"]*)"\)/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => !n.startsWith('node:'))
  const builtins = new Set(builtinModules)
  expect([...new Set(requires.filter((n) => !builtins.has(n)))].sort()).toEqual([
    '@cloudbase/node-sdk',
    'better-sqlite3',
  ])
})

test('cloudbaserc.json declares the function, its 5-minute timer, and every collection with its indexes', () => {
  const config = cloudbaseConfig()
  expect(config.functions[0]).toMatchObject({
    name: 'api',
    handler: 'index.main',
    triggers: [{ type: 'timer', config: '0 */5 * * * * *' }],
  })
  const collections = config.framework.plugins.db.inputs.collections
  expect(collections.map((c) => c.collectionName).sort()).toEqual(Object.keys(SCHEMA).sort())
  const messages = collections.find((c) => c.collectionName === 'messages')
  expect(messages?.createIndexes).toEqual([
    {
      name: 'inbox',
      unique: false,
      keys: [
        { name: 'userId', direction: '1' },
        { name: 'createdAt', direction: '-1' },
      ],
    },
  ])
  const committed = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'))
  expect(committed).toEqual(JSON.parse(JSON.stringify(config)))
})
