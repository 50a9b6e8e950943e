/** In-memory stand-ins for CloudBase storage and WeChat's open API, recording what they were asked. */
import type { CloudStorage } from '../../../../cloudfunctions/api/platform/files-cloudbase'
import type { WxOpenApi } from '../../../../cloudfunctions/api/platform/content-check'

export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
export const JPEG_HEAD = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)])

const PREFIX = 'cloud://env-test.7465-env-test-1300000000/'

export interface FakeStorage extends CloudStorage {
  files: Map<string, Buffer>
  deleted: string[]
  /** What the weapp's `Taro.cloud.uploadFile` does: store bytes at a path and answer its fileID. */
  clientUpload(cloudPath: string, bytes: Buffer): string
  /** Whether getFileInfo reports a size (node-sdk reads content-length; 0 when the header is absent). */
  reportSize: boolean
}

export function fakeStorage(): FakeStorage {
  const files = new Map<string, Buffer>()
  const deleted: string[] = []
  const pathOf = (fileId: string) => (fileId.startsWith(PREFIX) ? fileId.slice(PREFIX.length) : null)
  const storage: FakeStorage = {
    files,
    deleted,
    reportSize: true,
    clientUpload(cloudPath, bytes) {
      files.set(cloudPath, bytes)
      return PREFIX + cloudPath
    },
    async uploadFile({ cloudPath, fileContent }) {
      files.set(cloudPath, fileContent)
      return { fileID: PREFIX + cloudPath }
    },
    async getTempFileURL({ fileList }) {
      return {
        fileList: fileList.map((fileID) => {
          const p = pathOf(fileID)
          const known = p !== null && files.has(p)
          return { fileID, tempFileURL: known ? `https://tmp.example.com/${p}?sign=t` : '' }
        }),
      }
    },
    async getFileInfo({ fileList }) {
      return {
        fileList: fileList.map((fileID) => {
          const bytes = files.get(pathOf(fileID) ?? '')
          if (!bytes) return { code: 'STORAGE_FILE_NONEXIST' }
          return { code: 'SUCCESS', size: storage.reportSize ? bytes.length : 0 }
        }),
      }
    },
    async downloadFile({ fileID }) {
      const bytes = files.get(pathOf(fileID) ?? '')
      if (!bytes) throw new Error('STORAGE_FILE_NONEXIST')
      return { fileContent: bytes }
    },
    async deleteFile({ fileList }) {
      for (const fileID of fileList) {
        deleted.push(fileID)
        files.delete(pathOf(fileID) ?? '')
      }
      return { fileList: fileList.map((fileID) => ({ fileID, code: 'SUCCESS' })) }
    },
  }
  return storage
}

export interface FakeWx {
  callApi: WxOpenApi
  calls: { apiName: string; requestData: Record<string, unknown> }[]
  /** The next answer per API name; an Error is thrown instead of answered. */
  answers: Record<string, unknown>
}

export function fakeWx(answers: Record<string, unknown> = {}): FakeWx {
  const wx: FakeWx = {
    calls: [],
    answers,
    callApi: async (apiName, requestData) => {
      wx.calls.push({ apiName, requestData })
      const answer = wx.answers[apiName]
      if (answer instanceof Error) throw answer
      return answer ?? { errcode: 0, errmsg: 'ok' }
    },
  }
  return wx
}
