/** Serves the H5 build and uploaded files; never outside their roots. */
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { failure, sendJson } from './http'
import { COMPRESSIBLE, pickVariant } from './variants'

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

const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Build output named by its content (`app.4d4e86e6.js`): a new build gives it a new name. */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i

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

interface SendOptions {
  /** Uploads never change under their name; build files are immutable only when their name is hashed. */
  immutable?: boolean
  /** Look for the build's `.br` / `.gz` beside the file (never for uploads). */
  precompressed?: boolean
}

/**
 * Sends `file`, or its pre-compressed variant when the request accepts one. Hashed build files are
 * cached for a year; anything else (index.html) is checked again on every visit.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, opts: SendOptions = {}): void {
  const precompressed = opts.precompressed !== false && COMPRESSIBLE.test(file)
  const variant = precompressed ? pickVariant(file, req.headers['accept-encoding']) : null
  const headers: Record<string, string | number> = {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': opts.immutable || HASHED_NAME.test(path.basename(file)) ? IMMUTABLE : 'no-cache',
    'content-length': variant ? variant.size : fs.statSync(file).size,
    'x-content-type-options': 'nosniff',
  }
  if (precompressed) headers.vary = 'Accept-Encoding'
  if (variant) headers['content-encoding'] = variant.encoding
  res.writeHead(200, headers)
  if (req.method === 'HEAD') return void res.end()
  fs.createReadStream(variant ? variant.file : file).pipe(res)
}

/**
 * `/uploads/...` from the upload folder; anything else from the H5 build. A missing asset (a path with
 * a file extension) is 404; any other path gets the app's index.html.
 */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  dirs: { uploadDir: string; h5Dir: string | null },
): void {
  if (route.startsWith('/uploads/')) {
    const file = resolveInside(dirs.uploadDir, route.slice('/uploads/'.length))
    return file
      ? sendFile(req, res, file, { immutable: true, precompressed: false })
      : sendJson(res, 404, failure('NOT_FOUND', '文件不存在'))
  }
  if (!dirs.h5Dir) return sendJson(res, 404, failure('NOT_FOUND', '未构建 H5 页面，请先运行 npm run build:h5'))
  const file = resolveInside(dirs.h5Dir, route === '/' ? 'index.html' : route.slice(1))
  if (file) return sendFile(req, res, file)
  if (path.posix.extname(route)) return sendJson(res, 404, failure('NOT_FOUND', '文件不存在'))
  const index = resolveInside(dirs.h5Dir, 'index.html')
  return index ? sendFile(req, res, index) : sendJson(res, 404, failure('NOT_FOUND', '页面不存在'))
}
