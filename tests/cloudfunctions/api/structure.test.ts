/**
 * The shape of the backend, as a test: a handlers file is a leaf that only the registry imports, and
 * no module reaches into another module's handlers file or the registry.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../../../cloudfunctions/api')

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return filesUnder(full)
    return e.name.endsWith('.ts') ? [full] : []
  })
}

/** Every relative import of a file, resolved to a path under cloudfunctions/api (without extension). */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8')
  return [...source.matchAll(/from '(\.[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1] ?? ''))
}

const rel = (p: string) => path.relative(root, p)
const isHandlersFile = (p: string) => /(^|\/)([a-z-]+-)?handlers$/.test(rel(p).replace(/\.ts$/, ''))
const all = filesUnder(root).filter((f) => !f.endsWith('index.js'))

test('no file under modules/ imports the registry or a handlers file', () => {
  const offending = all
    .filter((f) => rel(f).startsWith('modules/'))
    .flatMap((f) =>
      importsOf(f)
        .filter((i) => rel(i) === 'registry' || isHandlersFile(i))
        .map((i) => `${rel(f)} → ${rel(i)}`),
    )
  expect(offending).toEqual([])
})

test('handlers files are imported by the registry alone', () => {
  const importers = all.flatMap((f) =>
    importsOf(f)
      .filter(isHandlersFile)
      .map((i) => [rel(f), rel(i)] as const),
  )
  expect(importers.filter(([from]) => from !== 'registry.ts')).toEqual([])
  expect(importers.length).toBeGreaterThan(0)
})

test('every handlers file declares a place next to the roles of each of its actions', () => {
  for (const file of all.filter((f) => isHandlersFile(f.replace(/\.ts$/, '')))) {
    const source = fs.readFileSync(file, 'utf8')
    const roles = (source.match(/^\s+roles: /gm) ?? []).length
    const places = (source.match(/^\s+place: /gm) ?? []).length
    expect([rel(file), places]).toEqual([rel(file), roles])
  }
})
