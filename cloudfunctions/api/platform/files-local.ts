/**
 * Local file storage under DATA_DIR/uploads/<ownerId>/ (the embedded default and tests); file ids
 * look like `local:<ownerId>/<name>.<ext>` and are served by the gateway under /uploads/.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { UPLOAD_MIME, isUploadMime } from '../../../types'
import type { Files, Ids } from './ports'

const ID_RE = /^local:([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+\.(jpg|png|webp|gif))$/

/** The folder every user upload lives in, locally under DATA_DIR and in the cloud at the bucket root. */
export const UPLOAD_FOLDER = 'uploads'

const isMissing = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')

export function createLocalFiles(
  root: string,
  ids: Ids,
  publicPrefix = '/uploads/',
): Files & { pathOf(fileId: string): string | null } {
  const pathOf = (fileId: string) => {
    const m = ID_RE.exec(fileId)
    return m ? path.join(root, m[1] ?? '', m[2] ?? '') : null
  }
  const locate = (fileId: string) => {
    const m = ID_RE.exec(fileId)
    return m ? { ownerId: m[1] ?? '', ext: m[3] ?? '' } : null
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
    uploadPath: (ownerId, name) => `${UPLOAD_FOLDER}/${ownerId}/${name}`,
    async url(fileId) {
      const m = ID_RE.exec(fileId)
      return m ? `${publicPrefix}${m[1]}/${m[2]}` : null
    },
    locate,
    isOwnedBy: (fileId, ownerId) => locate(fileId)?.ownerId === ownerId,
    async size(fileId) {
      const file = pathOf(fileId)
      if (!file) return null
      try {
        return (await fs.stat(file)).size
      } catch (err) {
        if (isMissing(err)) return null
        throw err
      }
    },
    async read(fileId) {
      const file = pathOf(fileId)
      if (!file) return null
      try {
        return await fs.readFile(file)
      } catch (err) {
        if (isMissing(err)) return null
        throw err
      }
    },
    async remove(fileId) {
      const file = pathOf(fileId)
      if (file) await fs.rm(file, { force: true })
    },
    pathOf,
  }
}
