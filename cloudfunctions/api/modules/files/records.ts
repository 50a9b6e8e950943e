/**
 * The files registry: an upload becomes a `files` record only after its owner, size, bytes and content
 * check pass, and only such a record may be attached to an order, an avatar or anything else.
 */
import crypto from 'node:crypto'
import {
  MAX_UPLOAD_BYTES,
  RegisteredFileDocSchema,
  UPLOAD_MIME,
  sniffUploadMime,
  type CheckStatus,
  type FilePurpose,
  type FileView,
  type RegisteredFileDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { AppError, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'

/**
 * `pending` is attachable: WeChat has accepted the asynchronous check and not flagged the image; a
 * later `reject` removes its bytes, so a flagged image stops showing wherever it was attached.
 */
export const ATTACHABLE: readonly CheckStatus[] = ['pass', 'pending']

const INVALID_MESSAGE = '照片无效，请重新上传'
const NOT_IMAGE = '只能上传 JPG、PNG、WebP 或 GIF 图片'
const REJECTED = '图片未通过内容安全审核，请更换后重试'

/** The record's id: a digest, since storage ids carry `/` and `:` that not every store takes in an id. */
export function fileDocId(fileId: string): string {
  return `file_${crypto.createHash('sha256').update(fileId).digest('base64url').slice(0, 32)}`
}

export async function loadFile(deps: Deps, fileId: string): Promise<RegisteredFileDoc | null> {
  const raw = await deps.store.get('files', fileDocId(fileId))
  return raw ? RegisteredFileDocSchema.parse(raw) : null
}

async function view(deps: Deps, doc: RegisteredFileDoc): Promise<FileView> {
  if (doc.check.status === 'reject') throw new AppError('CONTENT_REJECTED', REJECTED)
  const check = doc.check.status
  return { fileId: doc.fileId, url: await deps.files.url(doc.fileId), mime: doc.mime, size: doc.size, check }
}

const fileField = (message: string) => validation(message, [{ path: 'fileId', message }])

/** Reads the bytes back; refuses (and deletes) anything too large or not the image its name says. */
async function inspect(deps: Deps, fileId: string, ext: string) {
  const size = await deps.files.size(fileId)
  if (size === null) throw fileField('没有找到上传的图片，请重新上传')
  const bytes = size > MAX_UPLOAD_BYTES ? null : await deps.files.read(fileId)
  if (size > MAX_UPLOAD_BYTES || (bytes && bytes.length > MAX_UPLOAD_BYTES)) {
    await deps.files.remove(fileId)
    throw new AppError('PAYLOAD_TOO_LARGE', '图片不能超过 2 MB', [{ path: 'fileId', message: '图片不能超过 2 MB' }])
  }
  if (!bytes) throw fileField('没有找到上传的图片，请重新上传')
  const mime = sniffUploadMime(bytes)
  if (!mime || UPLOAD_MIME[mime] !== ext) {
    await deps.files.remove(fileId)
    throw fileField(NOT_IMAGE)
  }
  return { mime, size: bytes.length }
}

export interface Uploader {
  userId: string
  /** For WeChat's check, which weighs the image against the user who sent it. */
  openId: string
}

/**
 * Registers an upload: owner by path, size, sniffed type matching its name, the image check; writes
 * the `files` record with the verdict. Registering the same file again answers the same record.
 */
export async function registerFile(
  deps: Deps,
  uploader: Uploader,
  fileId: string,
  purpose: FilePurpose,
): Promise<FileView> {
  const place = deps.files.locate(fileId)
  if (!place || place.ownerId !== uploader.userId) throw fileField('只能登记自己上传的图片')
  const existing = await loadFile(deps, fileId)
  if (existing) return view(deps, existing)
  const { mime, size } = await inspect(deps, fileId, place.ext)
  const url = await deps.files.url(fileId)
  if (!url) throw new Error(`no url for ${fileId}`)
  const verdict = await deps.contentCheck.image({ url, mime, size, purpose }, uploader.openId)
  const now = deps.clock.now()
  const doc: RegisteredFileDoc = {
    _id: fileDocId(fileId),
    fileId,
    ownerId: uploader.userId,
    mime,
    size,
    purpose,
    check: {
      status: verdict.status,
      provider: verdict.provider,
      reason: verdict.status === 'reject' ? verdict.reason : null,
      traceId: verdict.status === 'pending' ? verdict.traceId : null,
      checkedAt: now,
    },
    createdAt: now,
    version: 0,
  }
  try {
    await deps.store.insert('files', doc)
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err
    const raced = await loadFile(deps, fileId)
    if (raced) return view(deps, raced)
    throw err
  }
  if (verdict.status === 'reject') await deps.files.remove(fileId)
  return view(deps, doc)
}

/**
 * Refuses unless every file is registered, owned by `userId` and not rejected by the check. A single
 * id reports its error at `fieldPath`, a list at `fieldPath.<index>` (e.g. `photos.1`).
 */
export async function assertAttachable(
  deps: Deps,
  userId: string,
  fileIds: string | readonly string[],
  fieldPath: string,
): Promise<void> {
  const list = typeof fileIds === 'string' ? [fileIds] : fileIds
  for (const [i, fileId] of list.entries()) {
    const path = typeof fileIds === 'string' ? fieldPath : `${fieldPath}.${i}`
    const doc = await loadFile(deps, fileId)
    if (!doc || doc.ownerId !== userId || doc.fileId !== fileId)
      throw validation(INVALID_MESSAGE, [{ path, message: '只能使用自己上传并通过审核的图片' }])
    if (!ATTACHABLE.includes(doc.check.status))
      throw validation(INVALID_MESSAGE, [{ path, message: '这张图片未通过内容安全审核，请更换' }])
  }
}
