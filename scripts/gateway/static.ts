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

export function sendFile(res: ServerResponse, file: string, cache: 'immutable' | 'none'): void {
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  })
  fs.createReadStream(file).pipe(res)
}

/** `/uploads/...` from the upload folder; anything else from the H5 build, unknown paths get its index.html. */
export function serveStatic(
  res: ServerResponse,
  route: string,
  dirs: { uploadDir: string; h5Dir: string | null },
): void {
  if (route.startsWith('/uploads/')) {
    const file = resolveInside(dirs.uploadDir, route.slice('/uploads/'.length))
    return file ? sendFile(res, file, 'immutable') : sendJson(res, 404, failure('NOT_FOUND', '文件不存在'))
  }
  if (!dirs.h5Dir) return sendJson(res, 404, failure('NOT_FOUND', '未构建 H5 页面，请先运行 npm run build:h5'))
  const file = resolveInside(dirs.h5Dir, route === '/' ? 'index.html' : route.slice(1))
  if (file) return sendFile(res, file, route === '/' || file.endsWith('.html') ? 'none' : 'immutable')
  const index = resolveInside(dirs.h5Dir, 'index.html')
  return index ? sendFile(res, index, 'none') : sendJson(res, 404, failure('NOT_FOUND', '页面不存在'))
}
