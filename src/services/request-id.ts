const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A client request id (8–64 chars of [A-Za-z0-9_-]); one per user intent, reused on retry. */
export function newRequestId(): string {
  let random = ''
  for (let i = 0; i < 12; i++) random += ALPHABET[Math.floor(Math.random() * ALPHABET.length)] ?? 'x'
  return `r${Date.now().toString(36)}_${random}`
}
