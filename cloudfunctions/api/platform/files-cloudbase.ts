/** CloudBase storage: files live under u/<ownerId>/ so ownership is part of the path. */
import crypto from 'node:crypto'
import type { Files } from './ports'
import { UPLOAD_MIME, isUploadMime } from './files-local'

/* Adapter seam: the subset of the CloudBase app used here. */
export interface CloudStorage {
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  getTempFileURL(opts: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>
}

export function createCloudFiles(app: CloudStorage): Files {
  return {
    async put(ownerId, bytes, mime) {
      if (!isUploadMime(mime)) throw new Error(`unsupported mime ${mime}`)
      const cloudPath = `u/${ownerId}/${crypto.randomBytes(12).toString('base64url')}.${UPLOAD_MIME[mime]}`
      const res = await app.uploadFile({ cloudPath, fileContent: bytes })
      if (!res.fileID) throw new Error('upload returned no fileID')
      return { fileId: res.fileID, mime, size: bytes.length }
    },
    async url(fileId) {
      const res = await app.getTempFileURL({ fileList: [fileId] })
      return res.fileList[0]?.tempFileURL || null
    },
    isOwnedBy(fileId, ownerId) {
      return /^cloud:\/\/[^/]+\/u\/([^/]+)\//.exec(fileId)?.[1] === ownerId
    },
  }
}
