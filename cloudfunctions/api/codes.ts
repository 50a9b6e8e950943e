/** Codes people type or scan (join and invite codes) and deterministic ids of documents a request creates. */
import crypto from 'node:crypto'

/** No look-alike characters (0/O, 1/I): codes are read aloud and typed by hand. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function randomCode(length: number): string {
  const bytes = crypto.randomBytes(length)
  let out = ''
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return out
}

export const newJoinCode = () => randomCode(8)
export const newInviteCode = () => randomCode(10)

/** A stable id for a document created by a mutating request, so a re-run after a crash cannot duplicate it. */
export function idFromRequest(prefix: string, ...parts: string[]): string {
  return `${prefix}_${crypto.createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22)}`
}
