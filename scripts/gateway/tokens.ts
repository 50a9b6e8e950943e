/** Signed, expiring dev-login tokens for the local gateway: `<payload>.<hmac>`, both base64url. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const PayloadSchema = z.object({ sub: z.string().min(1), exp: z.number() })
export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000

export interface TokenSigner {
  sign(openId: string, now: number): { token: string; expiresAt: number }
  verify(token: string, now: number): string | null
}

/** The secret lives in the data dir (mode 0600) so tokens survive a restart but not a reset. */
export function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, '.dev-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url')
  } catch {
    const secret = crypto.randomBytes(32)
    fs.writeFileSync(file, secret.toString('base64url'), { mode: 0o600 })
    return secret
  }
}

export function createTokenSigner(secret: Buffer, ttlMs = TOKEN_TTL_MS): TokenSigner {
  const mac = (body: string) => crypto.createHmac('sha256', secret).update(body).digest('base64url')
  return {
    sign(openId, now) {
      const expiresAt = now + ttlMs
      const body = Buffer.from(JSON.stringify({ sub: openId, exp: expiresAt })).toString('base64url')
      return { token: `${body}.${mac(body)}`, expiresAt }
    },
    verify(token, now) {
      const [body, sig] = token.split('.')
      if (!body || !sig) return null
      const expected = Buffer.from(mac(body))
      const given = Buffer.from(sig)
      if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
      let raw: unknown
      try {
        raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      } catch {
        return null
      }
      const payload = PayloadSchema.safeParse(raw)
      if (!payload.success || payload.data.exp <= now) return null
      return payload.data.sub
    },
  }
}
