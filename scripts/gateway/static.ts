/** Serves the H5 build and uploaded files; never outside their roots. */
import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'
import { failure, sendJson } from './http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

/** Resolves `urlPath` inside `root`, or null when it escapes it or is not a file. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`)
  if (full !== root && !full.startsWith(root + path.sep)) return null
  try {
    return fs.statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

/** The pre-compressed copy (scripts/compress-h5.ts) the client accepts, best first: brotli, then gzip. */
export function pickEncoding(
  file: string,
  acceptEncoding: string | undefined,
): { file: string; encoding: string } | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => (name ?? '').toLowerCase())
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!accepted.includes(encoding)) continue
    try {
      if (fs.statSync(file + ext).isFile()) return { file: file + ext, encoding }
    } catch {
      // no such copy: try the next
    }
  }
  return null
}

/**
 * Sends a file: hashed assets cached for a year (immutable), index.html revalidated each time; a text asset as
 * its pre-compressed copy when the client takes one (Vary: Accept-Encoding).
 */
export function sendFile(
  res: ServerResponse,
  file: string,
  cache: 'immutable' | 'none',
  acceptEncoding?: string,
): void {
  const compressed = pickEncoding(file, acceptEncoding)
  const body = compressed?.file ?? file
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': fs.statSync(body).size,
    'cache-control': cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
    ...(compressed ? { 'content-encoding': compressed.encoding } : {}),
  })
  fs.createReadStream(body).pipe(res)
}

/** `/uploads/...` from the upload folder; anything else from the H5 build, unknown paths get its index.html. */
export function serveStatic(
  res: ServerResponse,
  route: string,
  dirs: { uploadDir: string; h5Dir: string | null },
  acceptEncoding?: string,
): void {
  if (route.startsWith('/uploads/')) {
    const file = resolveInside(dirs.uploadDir, route.slice('/uploads/'.length))
    return file ? sendFile(res, file, 'immutable') : sendJson(res, 404, failure('NOT_FOUND', '文件不存在'))
  }
  if (!dirs.h5Dir) return sendJson(res, 404, failure('NOT_FOUND', '未构建 H5 页面，请先运行 npm run build:h5'))
  const file = resolveInside(dirs.h5Dir, route === '/' ? 'index.html' : route.slice(1))
  if (file) return sendFile(res, file, route === '/' || file.endsWith('.html') ? 'none' : 'immutable', acceptEncoding)
  const index = resolveInside(dirs.h5Dir, 'index.html')
  return index ? sendFile(res, index, 'none', acceptEncoding) : sendJson(res, 404, failure('NOT_FOUND', '页面不存在'))
}
