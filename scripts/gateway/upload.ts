/**
 * `POST /upload` (H5 and local runs): one multipart image is stored under its owner's folder, then goes
 * through the same registration as a weapp upload (owner, size, sniffed type, content check, record).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import Busboy from 'busboy'
import type { Api } from '../../cloudfunctions/api/app'
import { AppError } from '../../cloudfunctions/api/errors'
import { registerFile } from '../../cloudfunctions/api/modules/files/records'
import { ensureUser } from '../../cloudfunctions/api/users'
import { FilePurposeSchema, MAX_UPLOAD_BYTES, isUploadMime, sniffUploadMime, type ErrorCode } from '../../types'
import { failure, sendJson } from './http'

interface Received {
  bytes: Buffer
  mime: string
  tooLarge: boolean
  purpose: string | null
}

/** The first file of the form (cut at the upload limit) and its `purpose` field. */
function receiveFile(req: IncomingMessage): Promise<Received | null> {
  return new Promise((resolve, reject) => {
    let received: Omit<Received, 'purpose'> | null = null
    let purpose: string | null = null
    const bb = Busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 5 } })
    bb.on('field', (name, value) => {
      if (name === 'purpose') purpose = value
    })
    bb.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = []
      let tooLarge = false
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => (tooLarge = true))
      stream.on('end', () => (received = { bytes: Buffer.concat(chunks), mime: info.mimeType, tooLarge }))
    })
    bb.on('close', () => resolve(received ? { ...received, purpose } : null))
    bb.on('error', reject)
    req.pipe(bb)
  })
}

const STATUS: Partial<Record<ErrorCode, number>> = { PAYLOAD_TOO_LARGE: 413, UNAUTHENTICATED: 401, FORBIDDEN: 403 }

export async function handleUpload(
  api: Api,
  openId: string | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, failure('VALIDATION', '请使用 POST 请求'))
  if (!openId) return sendJson(res, 401, failure('UNAUTHENTICATED', '请先登录'))
  const user = await ensureUser(api.deps, openId)
  let file: Received | null
  try {
    file = await receiveFile(req)
  } catch {
    return sendJson(res, 400, failure('VALIDATION', '上传格式不正确'))
  }
  if (!file) return sendJson(res, 400, failure('VALIDATION', '没有收到文件'))
  if (file.tooLarge) return sendJson(res, 413, failure('PAYLOAD_TOO_LARGE', '图片不能超过 2 MB'))
  // The name's extension follows the declared type when it is an image type, else what the bytes are;
  // registration then refuses a file whose bytes do not match its name.
  const mime = isUploadMime(file.mime) ? file.mime : sniffUploadMime(file.bytes)
  if (!mime) return sendJson(res, 400, failure('VALIDATION', '只能上传 JPG、PNG、WebP 或 GIF 图片'))
  const purpose = FilePurposeSchema.catch('photo').parse(file.purpose ?? 'photo')
  const stored = await api.deps.files.put(user._id, file.bytes, mime)
  try {
    const data = await registerFile(api.deps, { userId: user._id, openId }, stored.fileId, purpose)
    sendJson(res, 200, { ok: true, data })
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    sendJson(res, STATUS[err.code] ?? 400, { ok: false, error: { code: err.code, message: err.message } })
  }
}
