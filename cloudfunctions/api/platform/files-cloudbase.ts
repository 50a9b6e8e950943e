/**
 * CloudBase storage: every upload lives under uploads/<ownerId>/, so the path names its owner; the
 * weapp uploads there itself (`Taro.cloud.uploadFile`) and the function reads it back to register it.
 */
import crypto from 'node:crypto'
import { UPLOAD_MIME, isUploadMime } from '../../../types'
import { UPLOAD_FOLDER } from './files-local'
import type { Files } from './ports'

/* Adapter seam: the subset of the CloudBase app (`@cloudbase/node-sdk`) used here. */
export interface CloudStorage {
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  getTempFileURL(opts: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>
  /** node-sdk answers a HEAD of the temporary URL: `size` is its content-length (0 when absent). */
  getFileInfo(opts: { fileList: string[] }): Promise<{ fileList: { code: string; size?: number }[] }>
  downloadFile(opts: { fileID: string }): Promise<{ fileContent: string | Buffer | undefined }>
  deleteFile(opts: { fileList: string[] }): Promise<unknown>
}

const ID_RE = new RegExp(`^cloud://[^/]+/${UPLOAD_FOLDER}/([A-Za-z0-9_-]+)/[A-Za-z0-9_-]+\\.(jpg|png|webp|gif)$`)

export function createCloudFiles(app: CloudStorage): Files {
  const locate = (fileId: string) => {
    const m = ID_RE.exec(fileId)
    return m ? { ownerId: m[1] ?? '', ext: m[2] ?? '' } : null
  }
  const uploadPath = (ownerId: string, name: string) => `${UPLOAD_FOLDER}/${ownerId}/${name}`
  async function read(fileId: string): Promise<Buffer | null> {
    const res = await app.downloadFile({ fileID: fileId })
    return Buffer.isBuffer(res.fileContent) ? res.fileContent : null
  }
  return {
    async put(ownerId, bytes, mime) {
      if (!isUploadMime(mime)) throw new Error(`unsupported mime ${mime}`)
      const name = `${crypto.randomBytes(12).toString('base64url')}.${UPLOAD_MIME[mime]}`
      const res = await app.uploadFile({ cloudPath: uploadPath(ownerId, name), fileContent: bytes })
      if (!res.fileID) throw new Error('upload returned no fileID')
      return { fileId: res.fileID, mime, size: bytes.length }
    },
    uploadPath,
    async url(fileId) {
      const res = await app.getTempFileURL({ fileList: [fileId] })
      return res.fileList[0]?.tempFileURL || null
    },
    locate,
    isOwnedBy: (fileId, ownerId) => locate(fileId)?.ownerId === ownerId,
    async size(fileId) {
      const info = (await app.getFileInfo({ fileList: [fileId] })).fileList[0]
      if (!info || info.code !== 'SUCCESS') return null
      if (info.size && info.size > 0) return info.size
      return (await read(fileId))?.length ?? null
    },
    read,
    async remove(fileId) {
      await app.deleteFile({ fileList: [fileId] })
    },
  }
}
