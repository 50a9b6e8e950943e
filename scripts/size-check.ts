/**
 * `npm run size`: sizes of the weapp build per package (main + each subpackage) against WeChat's
 * limits: 2 MB per package, 20 MB in all. Exits non-zero above a limit.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const PACKAGE_LIMIT = 2 * 1024 * 1024
const TOTAL_LIMIT = 20 * 1024 * 1024
const dist = path.resolve(process.argv[2] ?? 'dist/weapp')

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

if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error(`没有找到 ${dist}/app.json：请先运行 npm run build:weapp`)
  process.exit(1)
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
let failed = false
console.log('weapp package sizes (limit 2048 KB each, 20480 KB total):')
for (const [name, bytes] of sizes) {
  const over = bytes > PACKAGE_LIMIT
  failed ||= over
  console.log(
    `  ${name.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${((bytes / PACKAGE_LIMIT) * 100).toFixed(1).padStart(5)}% of limit${over ? '  OVER LIMIT' : ''}`,
  )
}
console.log(
  `  ${'total'.padEnd(24)} ${(total / 1024).toFixed(1).padStart(8)} KB  ${((total / TOTAL_LIMIT) * 100).toFixed(1).padStart(5)}% of limit`,
)
if (total > TOTAL_LIMIT) failed = true
if (roots.length === 0) {
  console.error('no subpackage found in app.json: role areas must live in subpackages')
  failed = true
}
process.exit(failed ? 1 : 0)
