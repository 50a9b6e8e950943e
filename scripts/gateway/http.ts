/** The gateway's HTTP vocabulary: JSON answers in the api envelope, bounded bodies, the bearer token. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Envelope, ErrorCode } from '../../types'

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...extra,
  })
  res.end(text)
}

export function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

export class BodyTooLarge extends Error {}

/** The whole body, refused as soon as it (or its declared length) passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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

/** A small JSON body, or undefined when it is too large or not JSON (the caller says which answer fits). */
export async function readSmallJson(req: IncomingMessage, limit: number): Promise<unknown> {
  try {
    return JSON.parse((await readBody(req, limit)).toString('utf8'))
  } catch {
    return undefined
  }
}

export function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7).trim() : null
}
