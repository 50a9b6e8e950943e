/**
 * The local gateway: the H5 build, `POST /api` into the same dispatcher the cloud runs, uploads,
 * and the dev login used only in local mode.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import Busboy from 'busboy'
import { z } from 'zod'
import type { Api } from '../../cloudfunctions/api/app'
import type { Envelope, ErrorCode } from '../../types'
import { GridDocSchema } from '../../types'
import { MAX_UPLOAD_BYTES, isUploadMime, sniffImage } from '../../cloudfunctions/api/platform/files-local'
import type { TokenSigner } from './tokens'
import { resolveInside, sendFile } from './static'
import { DEMO_PEOPLE, demoOpenId } from '../seed/demo'

export const MAX_BODY_BYTES = 1024 * 1024

export interface GatewayOptions {
  api: Api
  tokens: TokenSigner
  mode: 'local' | 'production'
  h5Dir: string | null
  uploadDir: string
  /** Local E2E only (DEV_CLOCK=1): move the gateway's clock forward and run the jobs tick at once. */
  devClock?: { advance(ms: number): void } | null
}

class BodyTooLarge extends Error {}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...extra,
  })
  res.end(text)
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new BodyTooLarge())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLarge())
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7).trim() : null
}

const LoginSchema = z.object({ key: z.string().min(1).max(40) })

export function createGateway(opts: GatewayOptions): http.Server {
  const { api, tokens } = opts
  const identify = (req: IncomingMessage): string | null => {
    if (opts.mode !== 'local') return null
    const token = bearer(req)
    return token ? tokens.verify(token, api.deps.clock.now()) : null
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('VALIDATION', '请使用 POST 请求'), { allow: 'POST' })
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return sendJson(res, 415, failure('VALIDATION', '请求必须是 JSON 格式'))
    }
    let body: Buffer
    try {
      body = await readBody(req, MAX_BODY_BYTES)
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return sendJson(res, 413, failure('PAYLOAD_TOO_LARGE', '提交的内容过大（上限 1 MB）'), { connection: 'close' })
      throw err
    }
    let event: unknown
    try {
      event = JSON.parse(body.toString('utf8'))
    } catch {
      return sendJson(res, 400, failure('VALIDATION', '请求不是有效的 JSON'))
    }
    sendJson(res, 200, await api.dispatch(event, identify(req)))
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('VALIDATION', '请使用 POST 请求'))
    const openId = identify(req)
    if (!openId) return sendJson(res, 401, failure('UNAUTHENTICATED', '请先登录'))
    const me = await api.dispatch({ action: 'me.get', payload: {} }, openId)
    if (
      !me.ok ||
      typeof me.data !== 'object' ||
      me.data === null ||
      !('id' in me.data) ||
      typeof me.data.id !== 'string'
    ) {
      return sendJson(res, 401, failure('UNAUTHENTICATED', '请先登录'))
    }
    const ownerId = me.data.id
    type Upload = { bytes: Buffer; mime: string; tooLarge: boolean }
    let file: Upload | null
    try {
      file = await new Promise<Upload | null>((resolve, reject) => {
        let received: Upload | null = null
        const bb = Busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 5 } })
        bb.on('file', (_name, stream, info) => {
          const chunks: Buffer[] = []
          let tooLarge = false
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('limit', () => (tooLarge = true))
          stream.on('end', () => (received = { bytes: Buffer.concat(chunks), mime: info.mimeType, tooLarge }))
        })
        bb.on('close', () => resolve(received))
        bb.on('error', reject)
        req.pipe(bb)
      })
    } catch {
      return sendJson(res, 400, failure('VALIDATION', '上传格式不正确'))
    }
    if (!file) return sendJson(res, 400, failure('VALIDATION', '没有收到文件'))
    if (file.tooLarge) return sendJson(res, 413, failure('PAYLOAD_TOO_LARGE', '图片不能超过 2 MB'))
    const sniffed = sniffImage(file.bytes)
    if (!sniffed || (isUploadMime(file.mime) && file.mime !== sniffed)) {
      return sendJson(res, 400, failure('VALIDATION', '只能上传 JPG、PNG、WebP 或 GIF 图片'))
    }
    const stored = await api.deps.files.put(ownerId, file.bytes, sniffed)
    await api.deps.store.insert('files', {
      _id: stored.fileId,
      ownerId,
      mime: sniffed,
      size: stored.size,
      createdAt: api.deps.clock.now(),
      version: 0,
    })
    sendJson(res, 200, { ok: true, data: { fileId: stored.fileId, url: await api.deps.files.url(stored.fileId) } })
  }

  async function handleDev(req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
    if (opts.mode !== 'local') return sendJson(res, 404, failure('NOT_FOUND', '生产环境不提供演示登录'))
    if (route === '/dev/people' && req.method === 'GET') {
      const people = await Promise.all(
        DEMO_PEOPLE.map(async (p) => {
          const raw = p.homeGridId ? await api.deps.store.get('grids', p.homeGridId) : null
          return {
            key: p.key,
            name: p.name,
            roleLabel: p.roleLabel,
            gridName: raw ? GridDocSchema.parse(raw).name : null,
          }
        }),
      )
      return sendJson(res, 200, { ok: true, data: people })
    }
    if (route === '/dev/login' && req.method === 'POST') {
      let parsed: z.ZodSafeParseResult<{ key: string }>
      try {
        parsed = LoginSchema.safeParse(JSON.parse((await readBody(req, 4096)).toString('utf8')))
      } catch {
        return sendJson(res, 400, failure('VALIDATION', '请求不是有效的 JSON'))
      }
      const person = parsed.success ? DEMO_PEOPLE.find((p) => p.key === parsed.data.key) : undefined
      if (!person) return sendJson(res, 400, failure('VALIDATION', '没有这个演示身份'))
      return sendJson(res, 200, { ok: true, data: tokens.sign(demoOpenId(person.key), api.deps.clock.now()) })
    }
    if (route === '/dev/clock' && req.method === 'POST' && opts.devClock) {
      let raw: unknown = null
      try {
        raw = JSON.parse((await readBody(req, 1024)).toString('utf8'))
      } catch {
        raw = null
      }
      const parsed = z
        .object({
          advanceMs: z
            .number()
            .int()
            .min(0)
            .max(90 * 86_400_000),
        })
        .safeParse(raw)
      if (!parsed.success) return sendJson(res, 400, failure('VALIDATION', '参数不正确'))
      opts.devClock.advance(parsed.data.advanceMs)
      return sendJson(res, 200, { ok: true, data: { now: api.deps.clock.now(), tick: await api.tick() } })
    }
    return sendJson(res, 404, failure('NOT_FOUND', '页面不存在'))
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, route: string): void {
    if (route.startsWith('/uploads/')) {
      const file = resolveInside(opts.uploadDir, route.slice('/uploads/'.length))
      return file ? sendFile(res, file, 'immutable') : sendJson(res, 404, failure('NOT_FOUND', '文件不存在'))
    }
    if (!opts.h5Dir) return sendJson(res, 404, failure('NOT_FOUND', '未构建 H5 页面，请先运行 npm run build:h5'))
    const file = resolveInside(opts.h5Dir, route === '/' ? 'index.html' : route.slice(1))
    if (file) return sendFile(res, file, route === '/' || file.endsWith('.html') ? 'none' : 'immutable')
    const index = resolveInside(opts.h5Dir, 'index.html')
    return index ? sendFile(res, index, 'none') : sendJson(res, 404, failure('NOT_FOUND', '页面不存在'))
  }

  return http.createServer((req, res) => {
    const route = (req.url ?? '/').split('?')[0] ?? '/'
    const work =
      route === '/api'
        ? handleApi(req, res)
        : route === '/upload'
          ? handleUpload(req, res)
          : route.startsWith('/dev/')
            ? handleDev(req, res, route)
            : route === '/healthz'
              ? Promise.resolve(sendJson(res, 200, { ok: true, data: { mode: opts.mode } }))
              : Promise.resolve(handleStatic(req, res, route))
    work.catch((err: unknown) => {
      api.deps.log({ level: 'error', where: 'gateway', message: err instanceof Error ? err.message : String(err) })
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', '服务暂时不可用，请稍后重试'))
      else res.end()
    })
  })
}
