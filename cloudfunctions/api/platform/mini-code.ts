import type { Files, MiniCode } from './ports'
import type { WxOpenApi } from './content-check'

/** Locally and on H5 there is no mini-program code: callers fall back to a QR of the join URL. */
export const noMiniCode: MiniCode = { create: async () => null }

/** wxacode.getUnlimited through the cloud; any failure falls back to the QR of the join URL. */
export function createWxMiniCode(callApi: WxOpenApi, files: Files): MiniCode {
  return {
    async create(scene, page, ownerId) {
      try {
        const res = await callApi('wxacode.getUnlimited', { scene, page, check_path: false, width: 430 })
        const buffer = Buffer.isBuffer(res)
          ? res
          : res && typeof res === 'object' && 'buffer' in res && Buffer.isBuffer(res.buffer)
            ? res.buffer
            : null
        if (!buffer) return null
        const stored = await files.put(`minicode_${ownerId}`, buffer, 'image/png')
        return files.url(stored.fileId)
      } catch {
        return null
      }
    },
  }
}
