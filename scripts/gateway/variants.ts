/**
 * Pre-compressed variants of the H5 build: `npm run build:h5` writes `x.js.br` and `x.js.gz` beside
 * `x.js`, and the gateway sends the best one the browser accepts. Nothing is compressed per request.
 */
import fs from 'node:fs'

export type Encoding = 'br' | 'gzip'

/** In order of preference: brotli is about 15 % smaller than gzip on this build. */
export const VARIANTS: readonly { encoding: Encoding; suffix: string }[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
]

/** Files worth compressing (text); images and fonts in woff/woff2 are compressed already. */
export const COMPRESSIBLE = /\.(html|js|css|json|map|svg|txt|xml|ico|ttf)$/i

/** The encodings an `Accept-Encoding` header allows: named with q > 0, or covered by `*` with q > 0. */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const q = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name.trim(), Number.isFinite(value) ? value : 0)
  }
  const accepted = new Set<Encoding>()
  for (const { encoding } of VARIANTS) {
    const value = q.get(encoding) ?? q.get('*') ?? 0
    if (value > 0) accepted.add(encoding)
  }
  return accepted
}

export interface Variant {
  file: string
  encoding: Encoding
  size: number
}

/**
 * The pre-compressed file to send for `file`, or null for the file itself. A variant older than its
 * file is left over from an earlier build (a watch build rewrites index.html without compressing it).
 */
export function pickVariant(file: string, acceptEncoding: string | undefined): Variant | null {
  const accepted = acceptedEncodings(acceptEncoding)
  if (accepted.size === 0) return null
  let original: fs.Stats
  try {
    original = fs.statSync(file)
  } catch {
    return null
  }
  for (const { encoding, suffix } of VARIANTS) {
    if (!accepted.has(encoding)) continue
    try {
      const stat = fs.statSync(file + suffix)
      if (stat.isFile() && stat.mtimeMs >= original.mtimeMs) return { file: file + suffix, encoding, size: stat.size }
    } catch {
      // no such variant: try the next one
    }
  }
  return null
}
