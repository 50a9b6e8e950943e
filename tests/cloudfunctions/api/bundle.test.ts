/** The deployable bundle, loaded in a clean node process and called the way CloudBase calls it. */
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../../../scripts/build-functions'
import { cloudbaseConfig, committedConfigFiles } from '../../../scripts/cloudbase-config'
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
  })
  // The timer's answer is the recorded run itself: counters only under `counts`.
  expect(result).toHaveProperty('tick', {
    ok: true,
    data: {
      id: expect.stringMatching(/^job_/),
      startedAt: expect.any(Number),
      finishedAt: expect.any(Number),
      counts: { expiredRequests: 0, escalated: 0, autoClosed: 0, expiredDocuments: 0, oldJobRuns: 0 },
      failed: [],
    },
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

describe('the generated deployment config', () => {
  const config = cloudbaseConfig()
  const collections = config.framework.plugins.db.inputs.collections
  const byName = (name: string) => collections.find((c) => c.collectionName === name)

  test('cloudbaserc.json deploys `api` on CloudBase storage, with the env ids left to the CLI and a 5-minute timer', () => {
    expect(config.envId).toBe('{{env.ENV_ID}}')
    expect(config.functionRoot).toBe('./cloudfunctions')
    expect(config.functions).toEqual([
      {
        name: 'api',
        handler: 'index.main',
        runtime: 'Nodejs18.15',
        timeout: 20,
        memorySize: 256,
        installDependency: true,
        envVariables: { STORAGE: 'cloudbase', WX_SUBSCRIBE_TEMPLATE_ID: '{{env.WX_SUBSCRIBE_TEMPLATE_ID}}' },
        triggers: [{ name: 'tick', type: 'timer', config: '0 */5 * * * * *' }],
      },
    ])
  })

  test('every collection of the schema is declared once, closed to clients, with each declared index by name', () => {
    expect(collections.map((c) => c.collectionName)).toEqual(Object.keys(SCHEMA))
    expect(new Set(collections.map((c) => c.aclTag))).toEqual(new Set(['ADMINONLY']))
    for (const [name, decl] of Object.entries(SCHEMA)) {
      expect([name, byName(name)?.createIndexes.map((i) => i.name)]).toEqual([name, decl.indexes.map((i) => i.name)])
    }
    const unique = collections.flatMap((c) =>
      c.createIndexes.filter((i) => i.unique).map((i) => `${c.collectionName}.${i.name}`),
    )
    expect(unique).toEqual(['users.openId', 'invites.code'])
  })

  test('an index keeps its fields in order, ascending as "1" and descending as "-1"', () => {
    expect(byName('users')?.createIndexes).toEqual([
      { name: 'openId', unique: true, keys: [{ name: 'openId', direction: '1' }] },
      {
        name: 'homeGrid',
        unique: false,
        keys: [
          { name: 'homeGridId', direction: '1' },
          { name: 'createdAt', direction: '1' },
        ],
      },
    ])
    expect(byName('messages')?.createIndexes).toEqual([
      {
        name: 'inbox',
        unique: false,
        keys: [
          { name: 'userId', direction: '1' },
          { name: 'createdAt', direction: '-1' },
        ],
      },
    ])
    expect(byName('orders')?.createIndexes.find((i) => i.name === 'communitySupervised')?.keys).toEqual([
      { name: 'communityId', direction: '1' },
      { name: 'supervised', direction: '1' },
      { name: 'state', direction: '1' },
      { name: 'dueAt', direction: '1' },
    ])
  })

  test('the function folder gets config.json (open APIs + timer) and package.json as Prettier lays them out', () => {
    expect(fs.readFileSync(path.join(outDir, 'config.json'), 'utf8')).toBe(
      [
        '{',
        '  "permissions": {',
        '    "openapi": ["security.msgSecCheck", "security.mediaCheckAsync", "wxacode.getUnlimited", "subscribeMessage.send"]',
        '  },',
        '  "triggers": [',
        '    {',
        '      "name": "tick",',
        '      "type": "timer",',
        '      "config": "0 */5 * * * * *"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    )
    const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'package.json'), 'utf8'))).toEqual({
      name: 'api',
      version: '1.0.0',
      private: true,
      main: 'index.js',
      description: '网格通 api cloud function (generated by npm run build:functions)',
      dependencies: { '@cloudbase/node-sdk': rootPkg.dependencies['@cloudbase/node-sdk'] },
    })
  })

  test('the committed cloudbaserc.json, config.json and package.json are what the generator writes now', async () => {
    const files = await committedConfigFiles()
    expect(Object.keys(files)).toEqual([
      'cloudbaserc.json',
      'cloudfunctions/api/package.json',
      'cloudfunctions/api/config.json',
    ])
    const stale = Object.entries(files)
      .filter(([file, text]) => fs.readFileSync(path.join(root, file), 'utf8') !== text)
      .map(([file]) => file)
    if (stale.length > 0)
      throw new Error(`${stale.join(', ')}: out of date, run \`npm run build:functions\` and commit what it writes`)
  })
})
