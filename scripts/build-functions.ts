/**
 * `npm run build:functions`: bundles the `api` function into cloudfunctions/api/index.js (one minified
 * file, only @cloudbase/node-sdk and the lazily imported exceljs and qrcode left to install in the cloud) and writes cloudbaserc.json, config.json
 * and the function's package.json, formatted so the tree stays clean under `prettier --check`.
 *
 * Every first call after idle loads this file, so it is kept small (see `npm run size`): minified, the
 * local-only composition left out (index.ts drops it when `__CLOUD_BUNDLE__` is defined), zod's
 * locales cut to the ones the function uses, and rarely used libraries (QR codes, SVG only) imported lazily.
 * @cloudbase/node-sdk is required by the first call (index.ts), so `require` of the bundle reads none of its files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build, type Metafile, type Plugin } from 'esbuild'
import { cloudbaseConfig, functionFolderFiles, prettierJson } from './cloudbase-config'

const root = path.resolve(__dirname, '..')

/** What a cold start may load: the bundle stays under both (printed by `npm run size`). */
export const BUNDLE_GOAL = { bytes: 400 * 1024, requireMs: 80 }

/** Installed in the cloud from the function's package.json, never bundled. */
/**
 * Rarely used parts (exceljs for the admins' exports, qrcode for a poster without a mini-program code)
 * are loaded by a dynamic import on first use, from the function's own node_modules: a cold start
 * neither reads nor parses them.
 */
export const CLOUD_EXTERNALS = ['@cloudbase/node-sdk', 'exceljs', 'qrcode']

/**
 * Local-only code that must never reach the cloud bundle (paths from the repo root): the SQLite
 * adapter and its native module, the local composition, and scripts/ (gateway, seed).
 */
const LOCAL_ONLY = [
  /(^|\/)node_modules\/better-sqlite3\//,
  /^cloudfunctions\/api\/(compose|store\/sqlite)\.ts$/,
  /^scripts\//,
]

/** The zod locales the function configures (dispatch.ts: `z.config(z.locales.zhCN())`; `en` is zod's default). */
export const ZOD_LOCALES = { zhCN: 'zh-CN', en: 'en' }

/**
 * `z.locales` (and `z.core.locales`) are namespace re-exports, so esbuild keeps all 60-odd locales
 * (≈ 260 KB minified) though one is used. This swaps zod's locales index for one that exports only
 * ZOD_LOCALES. Another locale would be `undefined` in the bundle: add it here when the code uses it
 * (the bundle test, which checks zod's Chinese messages, fails otherwise).
 */
const zodLocalesPlugin: Plugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[/\\]zod[/\\]v4[/\\](classic[/\\]external|core[/\\]index)\.js$/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: Object.entries(ZOD_LOCALES)
        .map(([name, file]) => `export { default as ${name} } from './${file}.js'`)
        .join('\n'),
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }))
  },
}

/**
 * zod's namespace (`z`, `z.core`) re-exports everything, so esbuild keeps parts the function never calls: the
 * schema compiler (`compile`, `withParser`, ≈ 29 KB), `fromJSONSchema` (≈ 12 KB) and `deepPartial`. This loads
 * zod's two index files without those re-exports. A zod release that moves them fails the build here (the text
 * is checked) instead of silently keeping them.
 */
const ZOD_UNUSED: [RegExp, string[]][] = [
  [/[/\\]zod[/\\]v4[/\\]core[/\\]index\.js$/, ['export * from "./compile.js";\n']],
  [
    /[/\\]zod[/\\]v4[/\\]classic[/\\]external\.js$/,
    [
      'INVALID, ',
      'compile, withParser, ZodCompileAsyncError, ZodCompileUnsupportedError, ',
      'export { fromJSONSchema } from "./from-json-schema.js";\n',
      'export { deepPartial } from "./deep-partial.js";\n',
    ],
  ],
]

export const zodTrimPlugin: Plugin = {
  name: 'zod-trim',
  setup(b) {
    for (const [filter, cuts] of ZOD_UNUSED)
      b.onLoad({ filter }, (args) => {
        let contents = fs.readFileSync(args.path, 'utf8')
        for (const cut of cuts) {
          if (!contents.includes(cut)) throw new Error(`zod-trim: "${cut.trim()}" not found in ${args.path}`)
          contents = contents.replace(cut, '')
        }
        return { contents, loader: 'js', resolveDir: path.dirname(args.path) }
      })
  },
}

/**
 * The deadlines read only which dates are 法定节假日 and which are 调休 workdays (modules/orders/deadlines.ts):
 * the bundle keeps those dates, packed per year, and drops the holiday names and the in-lieu table (≈ 43 KB → ≈ 3 KB).
 */
export const holidayDatesPlugin: Plugin = {
  name: 'holiday-dates',
  setup(b) {
    b.onLoad({ filter: /[/\\]chinese-days[/\\]dist[/\\]chinese-days\.json$/ }, (args) => {
      const full = JSON.parse(fs.readFileSync(args.path, 'utf8')) as Record<string, Record<string, string>>
      // Each table as "YYYY:MMDDMMDD…" per year; rebuilt into the package's own shape when first loaded.
      const pack = (table: Record<string, string> = {}) => {
        const years = new Map<string, string>()
        for (const date of Object.keys(table)) {
          const [y = '', m = '', d = ''] = date.split('-')
          years.set(y, (years.get(y) ?? '') + m + d)
        }
        return [...years].map(([y, days]) => `${y}:${days}`).join(' ')
      }
      const contents = `const unpack = (s) => Object.fromEntries(s.split(' ').filter(Boolean).flatMap((part) => {
  const [y, days] = part.split(':')
  return (days.match(/.{4}/g) || []).map((md) => [y + '-' + md.slice(0, 2) + '-' + md.slice(2), ''])
}))
module.exports = { holidays: unpack(${JSON.stringify(pack(full.holidays))}), workdays: unpack(${JSON.stringify(pack(full.workdays))}) }`
      return { contents, loader: 'js' }
    })
  },
}

/** The chain of imports from the entry to `input`, for the error naming a local-only file. */
function importChain(meta: Metafile, input: string): string[] {
  const chain = [input]
  for (let current = input; chain.length < 20;) {
    const parent = Object.entries(meta.inputs).find(([, i]) => i.imports.some((imp) => imp.path === current))?.[0]
    if (!parent || chain.includes(parent)) break
    chain.unshift(parent)
    current = parent
  }
  return chain
}

/** An input as people name it: a package by its name, a source file by its path. */
const shortName = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input

export interface BuiltFunction {
  bundle: string
  bytes: number
  metafile: Metafile
}

export async function buildFunctions(outDir = path.join(root, 'cloudfunctions/api')): Promise<BuiltFunction> {
  const bundle = path.join(outDir, 'index.js')
  const result = await build({
    entryPoints: [path.join(root, 'cloudfunctions/api/index.ts')],
    outfile: bundle,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    // The runtime cloudbaserc.json deploys (Nodejs18.15).
    target: 'node18',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    // Chinese messages as UTF-8 (3 bytes a character) rather than \u escapes (6).
    charset: 'utf8',
    define: { __CLOUD_BUNDLE__: 'true' },
    external: CLOUD_EXTERNALS,
    plugins: [zodLocalesPlugin, zodTrimPlugin, holidayDatesPlugin],
    metafile: true,
    logLevel: 'warning',
  })
  const metafile = result.metafile
  const leaked = Object.keys(metafile.inputs).filter((input) => LOCAL_ONLY.some((re) => re.test(input)))
  if (leaked.length > 0) {
    fs.rmSync(bundle, { force: true })
    const shortest = leaked.map((input) => importChain(metafile, input)).sort((a, b) => a.length - b.length)[0] ?? []
    throw new Error(
      `local-only code in the cloud bundle: ${[...new Set(leaked.map(shortName))].join(', ')}\n` +
        `  imported through ${shortest.map(shortName).join(' → ')}`,
    )
  }
  for (const [name, text] of Object.entries(await functionFolderFiles()))
    fs.writeFileSync(path.join(outDir, name), text)
  return { bundle, bytes: fs.statSync(bundle).size, metafile }
}

if (require.main === module) {
  buildFunctions()
    .then(async ({ bundle, bytes }) => {
      fs.writeFileSync(path.join(root, 'cloudbaserc.json'), await prettierJson(cloudbaseConfig(), 'cloudbaserc.json'))
      console.log(
        `函数已打包：${path.relative(root, bundle)} (${(bytes / 1024).toFixed(1)} KB)；已生成 cloudbaserc.json`,
      )
    })
    .catch((err: unknown) => {
      console.error(err)
      process.exit(1)
    })
}
