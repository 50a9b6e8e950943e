/**
 * `npm run size`: what a cold start of the `api` function loads (bundle size and the time to require
 * it, against the goals in build-functions.ts), then the sizes of the weapp build per package (main +
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
 * Milliseconds to `require(target)` in a fresh node (after requiring `preload`, untimed), as the
 * CloudBase runtime does on a cold start: nothing but the repo's node_modules to resolve from.
 */
function requireMs(target: string, preload: string | null, cwd: string): number {
  const script = `
    ${preload ? `require(${JSON.stringify(preload)});` : ''}
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
    const runs = { bundle: [] as number[], total: [] as number[], sdk: [] as number[] }
    // Interleaved, so a slow moment of the machine touches every figure alike.
    for (let i = 0; i < REQUIRE_RUNS; i++) {
      runs.bundle.push(requireMs(built.bundle, sdk, cwd))
      runs.total.push(requireMs(built.bundle, null, cwd))
      runs.sdk.push(requireMs(sdk, null, cwd))
    }
    const [bundleMs, totalMs, sdkMs] = [median(runs.bundle), median(runs.total), median(runs.sdk)]
    const overSize = built.bytes > BUNDLE_GOAL.bytes
    const mark = (over: boolean) => (over ? '  OVER GOAL' : '')
    console.log(
      `api cloud function (goal ≤ ${BUNDLE_GOAL.bytes / 1024} KB, ≤ ${BUNDLE_GOAL.requireMs} ms to require; median of ${REQUIRE_RUNS} fresh node processes):`,
    )
    console.log(
      `  ${'index.js'.padEnd(24)} ${kb(built.bytes)}  ${pct(built.bytes, BUNDLE_GOAL.bytes)} of goal${mark(overSize)}`,
    )
    console.log(
      `  ${'require, bundle'.padEnd(24)} ${ms(bundleMs)}  ${pct(bundleMs, BUNDLE_GOAL.requireMs)} of goal${mark(bundleMs > BUNDLE_GOAL.requireMs)}  (${sdk} loaded before)`,
    )
    console.log(
      `  ${'require, with the SDK'.padEnd(24)} ${ms(totalMs)}  ${pct(totalMs, BUNDLE_GOAL.requireMs)} of goal${mark(totalMs > BUNDLE_GOAL.requireMs)}  (what a cold start pays; ${sdk} alone: ${sdkMs.toFixed(1)} ms)`,
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
