/**
 * Every message and ledger entry the function writes opens a real page: each path written in the function and
 * the seed (a message's or entry's `link`) is a page of the app (src/app.config.ts), so no tap leads nowhere.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../../..')

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith('.ts') ? [full] : []
  })
}

/** The app's pages from its config: main pages and `root/page` of each subpackage. */
function appPages(): Set<string> {
  const config = fs.readFileSync(path.join(root, 'src/app.config.ts'), 'utf8')
  const pages = new Set<string>()
  for (const m of config.matchAll(/'(pages\/[a-z-]+\/index)'/g)) pages.add(`/${m[1]}`)
  for (const block of config.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g))
    for (const p of (block[2] ?? '').matchAll(/'([^']+)'/g)) pages.add(`/${block[1]}/${p[1]}`)
  return pages
}

test('the app config lists its pages (the parser below reads it)', () => {
  const pages = appPages()
  expect(pages).toContain('/pages/index/index')
  expect(pages).toContain('/packages/orders/pages/detail/index')
  expect(pages.size).toBeGreaterThan(20)
})

test('every page a message or entry links to exists', () => {
  const pages = appPages()
  const sources = [...filesUnder(path.join(root, 'cloudfunctions/api')), ...filesUnder(path.join(root, 'scripts/seed'))]
  const linked: { file: string; page: string }[] = []
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/[`'"](\/(?:pages|packages)\/[a-z0-9/-]+)/g))
      linked.push({ file: path.relative(root, file), page: m[1] ?? '' })
  }
  expect(linked.length).toBeGreaterThan(5)
  expect(linked.filter((l) => !pages.has(l.page))).toEqual([])
})
