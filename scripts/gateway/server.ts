/**
 * The local gateway: the H5 build, `POST /api` into the same dispatcher the cloud runs, uploads,
 * and the dev login used only in local mode.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { Api } from '../../cloudfunctions/api/app'
import { handleDev } from './dev'
import { BodyTooLarge, bearer, failure, readBody, sendJson } from './http'
import { serveStatic } from './static'
import type { TokenSigner } from './tokens'
import { handleUpload } from './upload'

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

export function createGateway(opts: GatewayOptions): http.Server {
  return http.createServer((req, res) => {
    route(opts, req, res).catch((err: unknown) => answerFault(opts.api, res, err))
  })
}

/** Which handler answers: the api, uploads, the dev endpoints, a health probe, else static files. */
function route(opts: GatewayOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  if (path === '/api') return handleApi(opts, req, res)
  if (path === '/upload') return handleUpload(opts.api, identify(opts, req), req, res)
  if (path.startsWith('/dev/')) return handleDev(opts, req, res, path)
  if (path === '/healthz') return Promise.resolve(sendJson(res, 200, { ok: true, data: { mode: opts.mode } }))
  return Promise.resolve(serveStatic(req, res, path, opts))
}

/** The caller's openId from a dev token; production mode trusts no token at all. */
function identify(opts: GatewayOptions, req: IncomingMessage): string | null {
  if (opts.mode !== 'local') return null
  const token = bearer(req)
  return token ? opts.tokens.verify(token, opts.api.deps.clock.now()) : null
}

/** `POST /api`: a JSON body of at most 1 MB, handed to the dispatcher as the cloud would. */
async function handleApi(opts: GatewayOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, failure('VALIDATION', '请使用 POST 请求'), { allow: 'POST' })
  if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
    return sendJson(res, 415, failure('VALIDATION', '请求必须是 JSON 格式'))
  }
  let body: Buffer
  try {
    body = await readBody(req, MAX_BODY_BYTES)
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err
    return sendJson(res, 413, failure('PAYLOAD_TOO_LARGE', '提交的内容过大（上限 1 MB）'), { connection: 'close' })
  }
  let event: unknown
  try {
    event = JSON.parse(body.toString('utf8'))
  } catch {
    return sendJson(res, 400, failure('VALIDATION', '请求不是有效的 JSON'))
  }
  sendJson(res, 200, await opts.api.dispatch(event, identify(opts, req)))
}

/** A fault is logged and answered with the INTERNAL envelope; never a stack trace. */
function answerFault(api: Api, res: ServerResponse, err: unknown): void {
  api.deps.log({ level: 'error', where: 'gateway', message: err instanceof Error ? err.message : String(err) })
  if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', '服务暂时不可用，请稍后重试'))
  else res.end()
}
