/**
 * `npm run size`: what a cold start of the `api` function loads (bundle size and the time to require
 * it, against the goals in build-functions.ts, and the time to its first answer, which loads the SDK), then the sizes of the weapp build per package (main +
 * each subpackage) against WeChat's limits: 2 MB per package, 20 MB in all. Exits non-zero above a
 * weapp limit or the bundle's size goal; require times depend on the machine, so they are reported only.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { BUNDLE_GOAL, buildFunctions, type BuiltFunction } from './build-functions'

const PACKAGE_LIMIT = 2 * 1024 * 1024
const TOTAL_LIMIT = 20 * 1024 * 1024
const REQUIRE_RUNS = 7
const root = path.resolve(__dirname, '..')
const dist = path.resolve(process.argv[2] ?? 'dist/weapp')

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(8)} KB`
const ms = (millis: number) => `${millis.toFixed(1).padStart(8)} ms`
const pct = (value: number, goal: number) => `${((value / goal) * 100).toFixed(1).padStart(5)}%`

/**
 * Milliseconds to `require(target)` in a fresh node, as the CloudBase runtime does on a cold start:
 * nothing but the repo's node_modules to resolve from.
 */
function requireMs(target: string, cwd: string): number {
  const script = `
    const t = process.hrtime.bigint();
    require(${JSON.stringify(target)});
    process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(root, 'node_modules') },
    encoding: 'utf8',
  })
  return Number(out)
}

/**
 * A cold start in a fresh node, as CloudBase runs one: the milliseconds to `require(bundle)`, whether that
 * loaded @cloudbase/node-sdk, and the milliseconds from the start of the require to the first call's answer
 * (a call without a caller: it loads and initialises the SDK and answers offline, before any database read).
 */
function coldStart(bundle: string, cwd: string): { requireMs: number; answerMs: number; sdkByRequire: boolean } {
  const script = `
    const t = process.hrtime.bigint();
    const { main } = require(${JSON.stringify(bundle)});
    const required = process.hrtime.bigint();
    const sdkByRequire = Object.keys(require.cache).some((file) => file.includes('@cloudbase/node-sdk'));
    main({ action: 'me.get', payload: {} }, { request_id: 'size-check', environment: '{}' }).then((answer) => {
      if (answer.ok !== false || answer.error.code !== 'UNAUTHENTICATED') throw new Error(JSON.stringify(answer));
      const ms = (end) => Number(end - t) / 1e6;
      process.stdout.write(JSON.stringify({ requireMs: ms(required), answerMs: ms(process.hrtime.bigint()), sdkByRequire }));
    });`
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd,
    // CloudBase storage with an explicit environment: the SDK initialises offline without the cloud's variables.
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: path.join(root, 'node_modules'),
      STORAGE: 'cloudbase',
      TCB_ENV: 'size-check',
      TCB_SECRET_ID: 'size-check',
      TCB_SECRET_KEY: 'size-check',
    },
    encoding: 'utf8',
  })
  return ColdStart.parse(JSON.parse(out))
}

const ColdStart = z.object({ requireMs: z.number(), answerMs: z.number(), sdkByRequire: z.boolean() })

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Output bytes per npm package (or per source folder), largest first. */
function largestParts(metafile: BuiltFunction['metafile'], count: number): [string, number][] {
  const parts = new Map<string, number>()
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]
      const name = pkg ?? path.dirname(input.replace(/^[a-z-]+:/, ''))
      parts.set(name, (parts.get(name) ?? 0) + bytesInOutput)
    }
  return [...parts].sort((a, b) => b[1] - a[1]).slice(0, count)
}

async function checkFunction(): Promise<boolean> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-size-fn-'))
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-size-run-'))
  try {
    const built = await buildFunctions(outDir)
    const sdk = '@cloudbase/node-sdk'
    const runs = { bundle: [] as number[], answer: [] as number[], sdk: [] as number[] }
    let sdkByRequire = false
    // Interleaved, so a slow moment of the machine touches every figure alike.
    for (let i = 0; i < REQUIRE_RUNS; i++) {
      const cold = coldStart(built.bundle, cwd)
      runs.bundle.push(cold.requireMs)
      runs.answer.push(cold.answerMs)
      sdkByRequire ||= cold.sdkByRequire
      runs.sdk.push(requireMs(sdk, cwd))
    }
    const [bundleMs, answerMs, sdkMs] = [median(runs.bundle), median(runs.answer), median(runs.sdk)]
    const overSize = built.bytes > BUNDLE_GOAL.bytes
    const mark = (over: boolean) => (over ? '  OVER GOAL' : '')
    console.log(
      `api cloud function (goal ≤ ${BUNDLE_GOAL.bytes / 1024} KB, ≤ ${BUNDLE_GOAL.requireMs} ms to require; median of ${REQUIRE_RUNS} fresh node processes):`,
    )
    console.log(
      `  ${'index.js'.padEnd(24)} ${kb(built.bytes)}  ${pct(built.bytes, BUNDLE_GOAL.bytes)} of goal${mark(overSize)}`,
    )
    console.log(
      `  ${'require index.js'.padEnd(24)} ${ms(bundleMs)}  ${pct(bundleMs, BUNDLE_GOAL.requireMs)} of goal${mark(bundleMs > BUNDLE_GOAL.requireMs)}  (${sdkByRequire ? `LOADS ${sdk}` : `${sdk} not loaded: the first call loads it`})`,
    )
    console.log(
      `  ${'require + first answer'.padEnd(24)} ${ms(answerMs)}  (what a cold start pays before it answers, ${sdk} loaded and initialised; ${sdk} alone: ${sdkMs.toFixed(1)} ms)`,
    )
    const parts = largestParts(built.metafile, 6).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`)
    console.log(`  largest parts: ${parts.join(', ')}`)
    return !overSize
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.rmSync(cwd, { recursive: true, force: true })
  }
}

const AppJson = z.object({
  subPackages: z.array(z.object({ root: z.string() })).optional(),
  subpackages: z.array(z.object({ root: z.string() })).optional(),
})

function walk(dir: string): { file: string; bytes: number }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory()
      ? walk(full)
      : [{ file: path.relative(dist, full).split(path.sep).join('/'), bytes: fs.statSync(full).size }]
  })
}

function checkWeapp(): boolean {
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    console.error(`没有找到 ${dist}/app.json：请先运行 npm run build:weapp`)
    return false
  }
  const app = AppJson.parse(JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')))
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => s.root.replace(/\/?$/, '/'))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])])
  let total = 0
  for (const { file, bytes } of walk(dist)) {
    if (file.endsWith('.map')) continue
    const owner = roots.find((r) => file.startsWith(r)) ?? 'main'
    sizes.set(owner, (sizes.get(owner) ?? 0) + bytes)
    total += bytes
  }
  let ok = true
  console.log('weapp package sizes (limit 2048 KB each, 20480 KB total):')
  for (const [name, bytes] of sizes) {
    const over = bytes > PACKAGE_LIMIT
    if (over) ok = false
    console.log(`  ${name.padEnd(24)} ${kb(bytes)}  ${pct(bytes, PACKAGE_LIMIT)} of limit${over ? '  OVER LIMIT' : ''}`)
  }
  console.log(`  ${'total'.padEnd(24)} ${kb(total)}  ${pct(total, TOTAL_LIMIT)} of limit`)
  if (total > TOTAL_LIMIT) ok = false
  if (roots.length === 0) {
    console.error('no subpackage found in app.json: role areas must live in subpackages')
    ok = false
  }
  return ok
}

checkFunction()
  .then((functionOk) => {
    const weappOk = checkWeapp()
    process.exit(functionOk && weappOk ? 0 : 1)
  })
  .catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
