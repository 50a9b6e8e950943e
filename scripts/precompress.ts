/**
 * The last step of `npm run build:h5` / `build:h5:local`: writes `.br` (brotli, best quality) and `.gz`
 * (gzip -9) beside every text file of the H5 build, so the gateway sends them without compressing per
 * request. Usage: `tsx scripts/precompress.ts [dir]` (default `dist/h5`).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { COMPRESSIBLE, VARIANTS, type Encoding } from './gateway/variants'

export interface PrecompressSummary {
  files: number
  /** Bytes of the files as built, and of what a browser taking each encoding receives for them. */
  bytes: { raw: number } & Record<Encoding, number>
}

const compressors: Record<Encoding, (data: Buffer) => Buffer> = {
  br: (data) =>
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(full)
    else if (entry.isFile()) yield full
  }
}

/**
 * Compresses every text file under `dir`. A variant that would not be smaller is not written (the
 * gateway then sends the file itself), and variants left from an earlier build are removed.
 */
export function precompressDir(dir: string): PrecompressSummary {
  const summary: PrecompressSummary = { files: 0, bytes: { raw: 0, br: 0, gzip: 0 } }
  const files = new Set(filesUnder(dir))
  for (const file of files) {
    const suffix = VARIANTS.map((v) => v.suffix).find((s) => file.endsWith(s))
    if (suffix && !files.has(file.slice(0, -suffix.length))) fs.rmSync(file)
  }
  for (const file of files) {
    if (!COMPRESSIBLE.test(file)) continue
    const data = fs.readFileSync(file)
    summary.files++
    summary.bytes.raw += data.length
    for (const { encoding, suffix } of VARIANTS) {
      const packed = compressors[encoding](data)
      if (packed.length < data.length) fs.writeFileSync(file + suffix, packed)
      else fs.rmSync(file + suffix, { force: true })
      summary.bytes[encoding] += Math.min(packed.length, data.length)
    }
  }
  return summary
}

function main(): void {
  const dir = path.resolve(process.argv[2] ?? 'dist/h5')
  if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist: build the H5 app first`)
  const { files, bytes } = precompressDir(dir)
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  console.log(
    `precompressed ${files} files in ${path.relative(process.cwd(), dir) || dir}: ${kb(bytes.raw)} → ` +
      `brotli ${kb(bytes.br)}, gzip ${kb(bytes.gzip)}`,
  )
}

if (require.main === module) main()
