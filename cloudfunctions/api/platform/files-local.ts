/** Local file storage under DATA_DIR/uploads/<ownerId>/; file ids look like `local:<ownerId>/<name>`. */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Files, Ids } from './ports'

export const UPLOAD_MIME = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const
export type UploadMime = keyof typeof UPLOAD_MIME
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

const ID_RE = /^local:([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+\.(?:jpg|png|webp|gif))$/

export function isUploadMime(mime: string): mime is UploadMime {
  return Object.prototype.hasOwnProperty.call(UPLOAD_MIME, mime)
}

/** Checks magic bytes: the declared type must match what the bytes are. */
export function sniffImage(bytes: Buffer): UploadMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp'
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif'
  return null
}

export function createLocalFiles(
  root: string,
  ids: Ids,
  publicPrefix = '/uploads/',
): Files & { pathOf(fileId: string): string | null } {
  const pathOf = (fileId: string) => {
    const m = ID_RE.exec(fileId)
    return m ? path.join(root, m[1] ?? '', m[2] ?? '') : null
  }
  return {
    async put(ownerId, bytes, mime) {
      if (!isUploadMime(mime)) throw new Error(`unsupported mime ${mime}`)
      const name = `${ids.next('f').slice(2)}.${UPLOAD_MIME[mime]}`
      const dir = path.join(root, ownerId)
      await fs.mkdir(dir, { recursive: true })
      const tmp = path.join(dir, `.${name}.tmp`)
      await fs.writeFile(tmp, bytes)
      await fs.rename(tmp, path.join(dir, name))
      return { fileId: `local:${ownerId}/${name}`, mime, size: bytes.length }
    },
    async url(fileId) {
      const m = ID_RE.exec(fileId)
      return m ? `${publicPrefix}${m[1]}/${m[2]}` : null
    },
    isOwnedBy(fileId, ownerId) {
      const m = ID_RE.exec(fileId)
      return m !== null && m[1] === ownerId
    },
    pathOf,
  }
}
