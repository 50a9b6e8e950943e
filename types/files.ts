/** Uploaded images: the accepted types and size, the registered-file record, and the file actions. */
import { z } from 'zod'

/** The image types an upload may be (checked by magic bytes), with the extension each is stored under. */
export const UPLOAD_MIME = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const
export type UploadMime = keyof typeof UPLOAD_MIME
export const UploadMimeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif'], {
  error: '只能上传 JPG、PNG、WebP 或 GIF 图片',
})
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

export function isUploadMime(mime: string): mime is UploadMime {
  return Object.prototype.hasOwnProperty.call(UPLOAD_MIME, mime)
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))

/**
 * What an upload is by its first bytes (magic numbers); the declared type and the name are never
 * trusted. The client reads the same 12 bytes to name the file it uploads.
 */
export function sniffUploadMime(bytes: Uint8Array): UploadMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp'
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'image/gif'
  return null
}

/** What the image is for: WeChat's check weighs a profile picture and a report photo differently. */
export const FilePurposeSchema = z.enum(['photo', 'avatar'])
export type FilePurpose = z.infer<typeof FilePurposeSchema>

/**
 * The content check's verdict as stored with the file. `pending`: WeChat accepted the asynchronous
 * check and its verdict has not arrived yet; a later `reject` removes the bytes.
 */
export const CheckStatusSchema = z.enum(['pass', 'pending', 'reject'])
export type CheckStatus = z.infer<typeof CheckStatusSchema>

export const FileCheckSchema = z.object({
  status: CheckStatusSchema,
  /** Who checked: `wechat` (security.mediaCheckAsync) or `local` (the pass-through of local runs). */
  provider: z.enum(['wechat', 'local']),
  /** Why it was rejected (machine words, e.g. `wechat_risky`); null when it was not. */
  reason: z.string().nullable(),
  /** WeChat's trace_id, matching the pushed verdict to this file; null for synchronous checks. */
  traceId: z.string().nullable(),
  checkedAt: z.number(),
})
export type FileCheck = z.infer<typeof FileCheckSchema>

/** The `files` document: one per registered upload, written only by the registration. */
export const RegisteredFileDocSchema = z.object({
  _id: z.string(),
  fileId: z.string(),
  ownerId: z.string(),
  mime: UploadMimeSchema,
  size: z.number().int(),
  purpose: FilePurposeSchema,
  check: FileCheckSchema,
  createdAt: z.number(),
  version: z.number().int(),
})
export type RegisteredFileDoc = z.infer<typeof RegisteredFileDocSchema>

export const FileViewSchema = z.object({
  fileId: z.string(),
  url: z.string().nullable(),
  mime: UploadMimeSchema,
  size: z.number().int(),
  check: z.enum(['pass', 'pending']),
})
export type FileView = z.infer<typeof FileViewSchema>

/** A storage file id: `cloud://…` in the cloud, `local:…` locally; never a URL or a path. */
const FileIdSchema = z
  .string({ error: '文件编号不正确' })
  .trim()
  .min(1, '文件编号不正确')
  .max(300, '文件编号不正确')
  .regex(/^(cloud:\/\/|local:)/, '文件编号不正确')

export const fileActions = {
  /** The cloud path the caller may upload one image to (weapp: `Taro.cloud.uploadFile`), under their folder. */
  'files.prepareUpload': {
    mutating: false,
    input: z.object({ mime: UploadMimeSchema.default('image/jpeg') }).strict(),
    output: z.object({ cloudPath: z.string(), maxBytes: z.number().int() }),
  },
  /** Checks an uploaded file (owner, size, type, content) and records it; only registered files can be attached. */
  'files.register': {
    mutating: true,
    input: z.object({ fileId: FileIdSchema, purpose: FilePurposeSchema.default('photo') }).strict(),
    output: FileViewSchema,
  },
} as const
