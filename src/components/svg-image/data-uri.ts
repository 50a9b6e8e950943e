const TABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** UTF-8 bytes of a string, without TextEncoder (not in every mini-program runtime). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return bytes
}

/** Standard base64 with padding (no Buffer, no btoa: neither exists in the weapp runtime). */
export function base64(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = ((bytes[i] ?? 0) << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += TABLE.charAt((n >> 18) & 63) + TABLE.charAt((n >> 12) & 63)
    out += b === undefined ? '=' : TABLE.charAt((n >> 6) & 63)
    out += c === undefined ? '=' : TABLE.charAt(n & 63)
  }
  return out
}

/** An SVG as an Image source both H5 and WeChat accept. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64(utf8Bytes(svg))}`
}
