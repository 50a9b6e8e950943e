/**
 * After `taro build --type h5`: writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text asset of the
 * build, at the strongest settings, so the gateway serves them pre-compressed (scripts/gateway/static.ts) and
 * no request pays for compressing. `tsx scripts/compress-h5.ts [dir]` (default dist/h5).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const TEXT = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt', '.map'])
/** Smaller than this, the headers cost more than compression saves. */
const MIN_BYTES = 1024

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

export function compressDir(dir: string): { files: number; raw: number; br: number; gz: number } {
  const total = { files: 0, raw: 0, br: 0, gz: 0 }
  for (const file of filesUnder(dir)) {
    if (!TEXT.has(path.extname(file)) || file.endsWith('.LICENSE.txt')) continue
    const bytes = fs.readFileSync(file)
    if (bytes.length < MIN_BYTES) continue
    const br = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    })
    const gz = zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION })
    fs.writeFileSync(`${file}.br`, br)
    fs.writeFileSync(`${file}.gz`, gz)
    total.files++
    total.raw += bytes.length
    total.br += br.length
    total.gz += gz.length
  }
  return total
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist/h5')
  const t = compressDir(dir)
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  console.log(`已预压缩 ${t.files} 个文件：${kb(t.raw)} → brotli ${kb(t.br)}，gzip ${kb(t.gz)}`)
}
