/**
 * `npm run build:functions`: bundles the `api` function into cloudfunctions/api/index.js (one file,
 * only @cloudbase/node-sdk left to install in the cloud) and writes cloudbaserc.json, config.json and
 * the function's package.json, formatted so the tree stays clean under `prettier --check`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { cloudbaseConfig, functionFolderFiles, prettierJson } from './cloudbase-config'

const root = path.resolve(__dirname, '..')

export async function buildFunctions(
  outDir = path.join(root, 'cloudfunctions/api'),
): Promise<{ bundle: string; bytes: number }> {
  const bundle = path.join(outDir, 'index.js')
  await build({
    entryPoints: [path.join(root, 'cloudfunctions/api/index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: false,
    legalComments: 'none',
    // The SDK is installed in the cloud; better-sqlite3 is only loaded when STORAGE=sqlite (local runs).
    external: ['@cloudbase/node-sdk', 'better-sqlite3'],
    logLevel: 'warning',
  })
  for (const [name, text] of Object.entries(await functionFolderFiles()))
    fs.writeFileSync(path.join(outDir, name), text)
  return { bundle, bytes: fs.statSync(bundle).size }
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
