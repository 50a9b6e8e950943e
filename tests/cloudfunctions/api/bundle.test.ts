/**
 * The deployable bundle, loaded in a clean node process and called the way CloudBase calls it: with
 * CloudBase storage behind a stand-in for @cloudbase/node-sdk (fake-node-sdk.js), the only module
 * the bundle may resolve.
 */
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import QRCode from 'qrcode'
import {
  BUNDLE_GOAL,
  ZOD_LOCALES,
  buildFunctions,
  holidayDatesPlugin,
  type BuiltFunction,
} from '../../../scripts/build-functions'
import { cloudbaseConfig, committedConfigFiles } from '../../../scripts/cloudbase-config'
import { seedDemo } from '../../../scripts/seed/demo'
import { SCHEMA } from '../../../cloudfunctions/api/store/schema'
import type { Store, StoredDoc } from '../../../cloudfunctions/api/store/port'
import { T0, createTestApi, tempDir } from '../../helpers/api'

const root = path.resolve(__dirname, '../../..')
let outDir: string
let built: BuiltFunction
/** A node_modules folder holding only the stand-in `@cloudbase/node-sdk`. */
let sdkModules: string
/** The demo data as seedDemo writes it, `{ collection: [doc] }`, for the stand-in's database. */
let seedFile: string

beforeAll(async () => {
  outDir = tempDir('wgt-fn-')
  built = await buildFunctions(outDir)
  // As in the cloud, the lazily imported packages sit in node_modules beside the bundle.
  fs.mkdirSync(path.join(outDir, 'node_modules'))
  for (const name of ['qrcode', 'exceljs'])
    fs.symlinkSync(path.join(root, 'node_modules', name), path.join(outDir, 'node_modules', name))
  sdkModules = tempDir('wgt-fn-sdk-')
  fs.mkdirSync(path.join(sdkModules, '@cloudbase/node-sdk'), { recursive: true })
  fs.writeFileSync(
    path.join(sdkModules, '@cloudbase/node-sdk/index.js'),
    `module.exports = require(${JSON.stringify(path.join(__dirname, 'fake-node-sdk.js'))})\n`,
  )
  const docs: Record<string, StoredDoc[]> = {}
  const recorder: Pick<Store, 'insert'> = {
    insert: async (collection, doc) => void (docs[collection] ??= []).push(structuredClone(doc)),
  }
  await seedDemo(recorder as Store, T0)
  seedFile = path.join(tempDir('wgt-fn-seed-'), 'seed.json')
  fs.writeFileSync(seedFile, JSON.stringify(docs))
}, 60000)

/** Runs `calls` (an async function body with `main`, `ctx(openId)` and `sdk`) in a fresh node; prints its result. */
function runBundle(calls: string, env: Record<string, string>): unknown {
  const script = `
    const { main } = require(${JSON.stringify(built.bundle)});
    const sdk = require('@cloudbase/node-sdk');
    const ctx = (openId) => ({
      request_id: 'r-1',
      function_name: 'api',
      namespace: 'env-test',
      environment: JSON.stringify(openId ? { WX_OPENID: openId, WX_APPID: 'wx0000000000000000' } : {}),
    });
    (async () => { ${calls} })()
      .then((out) => console.log(JSON.stringify(out)))
      .catch((e) => console.log(JSON.stringify({ crashed: String(e) })));
  `
  return runNode(script, env)
}

/** Runs `script` in a fresh node that resolves `@cloudbase/node-sdk` to the stand-in; answers its last line, parsed. */
function runNode(script: string, env: Record<string, string>): unknown {
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: tempDir('wgt-fn-run-'),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: sdkModules,
      FAKE_TCB_REAL_SDK: require.resolve('@cloudbase/node-sdk'),
      FAKE_TCB_SEED: seedFile,
      ...env,
    },
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').pop() ?? 'null')
}

test('the bundle answers CloudBase-shaped calls on CloudBase storage, with identity from the runtime context', async () => {
  const result = runBundle(
    `return {
      first: await main({ action: 'me.update', payload: { nickname: '云端用户' }, requestId: 'bundle-req-01' }, ctx('o_bundle_user')),
      again: await main({ action: 'me.get', payload: {} }, ctx('o_bundle_user')),
      anon: await main({ action: 'me.get', payload: {}, openId: 'o_bundle_user' }, ctx(null)),
      invalid: await main({ action: 'me.update', payload: { nickname: 123 }, requestId: 'bundle-req-02' }, ctx('o_bundle_user')),
      poster: await main({ action: 'grids.poster', payload: { gridId: 'gd_nz_01' } }, ctx('demo:grid_worker')),
      tick: await main({ Type: 'Timer', TriggerName: 'tick', Time: '2026-11-23T01:00:00Z' }, ctx(null)),
      push: await main({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'trace-none', result: { suggest: 'pass' } }, ctx(null)),
      calls: sdk.fake.calls,
    }`,
    { STORAGE: 'cloudbase' },
  )
  expect(result).toMatchObject({
    first: { ok: true, data: { nickname: '云端用户', roles: [{ role: 'resident' }] } },
    again: { ok: true, data: { nickname: '云端用户' } },
    anon: { ok: false, error: { code: 'UNAUTHENTICATED' } },
    push: 'success',
  })
  // The same answers as the sources give: zod's Chinese messages, and the QR poster (the mini-program
  // code is unreachable offline) drawn by the lazily imported qrcode.
  const local = await createTestApi()
  expect(result).toHaveProperty(
    'invalid',
    await local.call('o_bundle_user', 'me.update', { nickname: 123 }, 'bundle-req-02'),
  )
  expect(result).toHaveProperty('invalid.error.fields.0.message', expect.stringMatching(/^无效输入/))
  const poster = (result as { poster: { data: { joinCode: string } } }).poster
  expect(poster).toMatchObject({
    ok: true,
    data: { gridId: 'gd_nz_01', miniCodeUrl: null, joinUrl: null, qrSvg: expect.stringMatching(/^<svg /) },
  })
  const qrSvg = await QRCode.toString(poster.data.joinCode, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  expect(poster).toHaveProperty('data.qrSvg', qrSvg)
  // The timer's answer is the recorded run itself: counters only under `counts`.
  expect(result).toHaveProperty('tick', {
    ok: true,
    data: {
      id: expect.stringMatching(/^job_/),
      startedAt: expect.any(Number),
      finishedAt: expect.any(Number),
      counts: expect.any(Object),
      failed: [],
    },
  })
  expect(result).toHaveProperty('calls.0', { init: { env: 'SYMBOL_CURRENT_ENV' } })
  expect(result).toHaveProperty('calls', expect.arrayContaining([{ callWxOpenApi: 'wxacode.getUnlimited' }]))
})

test('requiring the bundle loads no SDK; the first call loads it and answers through it', () => {
  const result = runNode(
    `const loaded = () => Object.keys(require.cache).some((file) => file.includes('node-sdk'));
    const { main } = require(${JSON.stringify(built.bundle)});
    const afterRequire = loaded();
    main({ action: 'me.get', payload: {} }, { request_id: 'r-1', environment: JSON.stringify({ WX_OPENID: 'o_lazy' }) })
      .then((me) => console.log(JSON.stringify({ afterRequire, afterCall: loaded(), me, calls: require('@cloudbase/node-sdk').fake.calls })))`,
    { STORAGE: 'cloudbase' },
  )
  expect(result).toMatchObject({
    afterRequire: false,
    afterCall: true,
    me: { ok: true, data: { nickname: '微信用户', roles: [{ role: 'resident' }] } },
    calls: [{ init: { env: 'SYMBOL_CURRENT_ENV' } }],
  })
})

test("uploaded without cloudbaserc.json's variables (no STORAGE), the bundle still runs on CloudBase", () => {
  const result = runBundle(
    `return {
      me: await main({ action: 'me.update', payload: { nickname: '开发者工具' }, requestId: 'bundle-req-03' }, ctx('o_devtools')),
      calls: sdk.fake.calls,
    }`,
    {},
  )
  expect(result).toMatchObject({
    me: { ok: true, data: { nickname: '开发者工具' } },
    calls: [{ init: { env: 'SYMBOL_CURRENT_ENV' } }, { callWxOpenApi: 'security.msgSecCheck' }],
  })
})

test('STORAGE=sqlite is refused by the bundle, which holds no SQLite, with what to run instead', () => {
  const dataDir = tempDir('wgt-fn-data-')
  const result = runBundle(
    `const call = () => main({ action: 'me.get', payload: {} }, ctx('o_bundle_user')).catch((e) => e.message);
    return { first: await call(), again: await call() }`,
    { STORAGE: 'sqlite', DATA_DIR: dataDir },
  )
  const refusal = 'STORAGE=sqlite is not part of the cloud bundle: run the sources locally (npm run serve)'
  expect(result).toEqual({ first: refusal, again: refusal })
  expect(fs.readdirSync(dataDir)).toEqual([])
})

test('the function package names only what the cloud must install, and the bundle holds nothing local-only', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(outDir, 'package.json'), 'utf8'))
  expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk', 'exceljs', 'qrcode'])
  const bundle = fs.readFileSync(built.bundle, 'utf8')
  const requires = [...bundle.matchAll(/require\("([^".][^"]*)"\)/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => !n.startsWith('node:'))
  const builtins = new Set(builtinModules)
  expect([...new Set(requires.filter((n) => !builtins.has(n)))].sort()).toEqual(['@cloudbase/node-sdk'])
  // exceljs and qrcode are imported on first use only (an export, a poster), not by a cold start.
  expect([...new Set([...bundle.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]))].sort()).toEqual([
    'exceljs',
    'qrcode',
  ])
  expect(bundle).not.toMatch(/better-sqlite3|pngjs/)
  const inputs = Object.keys(built.metafile.inputs)
  expect(inputs.filter((i) => /better-sqlite3|\/(compose|store\/sqlite)\.ts$|^scripts\//.test(i))).toEqual([])
  // zod's own locales index (which imports all of them) is replaced by one in the `zod-locales:` namespace.
  const locales = inputs.filter((i) => /^[^:]*node_modules\/zod\/v4\/locales\/[^/]+\.js$/.test(i))
  expect(locales.map((i) => path.basename(i, '.js'))).toEqual(Object.values(ZOD_LOCALES))
  expect(inputs.filter((i) => i.startsWith('zod-locales:'))).toHaveLength(1)
  expect(built.bytes).toBeLessThanOrEqual(BUNDLE_GOAL.bytes)
})

test("the bundle's packed holiday table holds exactly the package's 法定节假日 and 调休 dates", async () => {
  const out = await build({
    stdin: { contents: "module.exports = require('chinese-days/dist/chinese-days.json')", resolveDir: root },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    plugins: [holidayDatesPlugin],
  })
  const mod = { exports: {} as { holidays: Record<string, string>; workdays: Record<string, string> } }
  new Function('module', 'exports', out.outputFiles[0]?.text ?? '')(mod, mod.exports)
  const full = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/chinese-days/dist/chinese-days.json'), 'utf8'))
  expect(Object.keys(mod.exports.holidays).sort()).toEqual(Object.keys(full.holidays).sort())
  expect(Object.keys(mod.exports.workdays).sort()).toEqual(Object.keys(full.workdays).sort())
  expect(Object.keys(mod.exports.holidays).length).toBeGreaterThan(100)
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
    expect(unique).toEqual(['users.openId', 'invites.code', 'vouchers.code'])
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
      dependencies: {
        '@cloudbase/node-sdk': rootPkg.dependencies['@cloudbase/node-sdk'],
        exceljs: rootPkg.dependencies.exceljs,
        qrcode: rootPkg.dependencies.qrcode,
      },
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
