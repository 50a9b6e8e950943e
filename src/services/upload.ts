/**
 * Photos: pick or shoot, compress to about 300 KB, upload and register. weapp: `files.prepareUpload`
 * issues a path in the caller's folder, `Taro.cloud.uploadFile` sends the bytes there, `files.register`
 * checks and records them; h5: `POST /upload` on the gateway, which stores and registers in one step.
 */
import Taro from '@tarojs/taro'
import { z } from 'zod'
import {
  ErrorCodeSchema,
  FileViewSchema,
  UPLOAD_MIME,
  isUploadMime,
  sniffUploadMime,
  type FilePurpose,
  type UploadMime,
} from '../contract'
import { call } from './api'
import { CallError } from './call-error'
import { newRequestId } from './request-id'
import { getToken, goLogin } from './session'

export const TARGET_BYTES = 300 * 1024
const MAX_EDGE = 1280
/** Below this long edge a photo stops being useful to a grid worker: accept the size instead. */
const MIN_EDGE = 800
const UPLOAD_FAILED = '照片上传失败，请检查网络后重试'

export interface PickedPhoto {
  /** A path the Image component can show (weapp temp path, H5 blob URL). */
  preview: string
  /** weapp: the temp file path; h5: the compressed Blob. */
  source: string | Blob
  bytes: number
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('image decode failed'))
    img.src = src
  })
}

function jpegOf(img: HTMLImageElement, longEdge: number, quality: number): Promise<Blob | null> {
  const scale = Math.min(1, longEdge / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no canvas')
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
}

/**
 * H5: the long edge is scaled to at most 1280 px and JPEG quality lowered to 0.6; past that the edge
 * shrinks (down to 800 px) instead of the quality, until the file is ≤ 300 KB. Every photo is
 * re-encoded, even a small one: that drops its EXIF block (GPS position, device) before it leaves.
 */
export async function compressInBrowser(src: string): Promise<Blob> {
  const img = await loadImage(src)
  let edge = Math.min(MAX_EDGE, Math.max(img.naturalWidth, img.naturalHeight))
  let blob: Blob | null = null
  for (;;) {
    for (const quality of [0.8, 0.7, 0.6]) {
      blob = await jpegOf(img, edge, quality)
      if (blob && blob.size <= TARGET_BYTES) return blob
    }
    if (edge <= MIN_EDGE) break
    edge = Math.max(MIN_EDGE, Math.round(edge * 0.8))
  }
  if (!blob) throw new Error('compress failed')
  return blob
}

/**
 * weapp: the same steps with the system compressor; unlike quality alone, compressedWidth/Height
 * (base library 2.26+) bring a 12 MP photo near the target. Small photos are re-encoded too.
 */
async function compressInWeapp(path: string): Promise<{ path: string; bytes: number }> {
  const fs = Taro.getFileSystemManager()
  const sizeOf = (filePath: string) =>
    new Promise<number>((resolve) =>
      fs.getFileInfo({ filePath, success: (r) => resolve(r.size), fail: () => resolve(Number.MAX_SAFE_INTEGER) }),
    )
  const info = await Taro.getImageInfo({ src: path })
  let edge = Math.min(MAX_EDGE, Math.max(info.width, info.height))
  for (;;) {
    let last = { path, bytes: Number.MAX_SAFE_INTEGER }
    for (const quality of [80, 70, 60]) {
      const box = info.width >= info.height ? { compressedWidth: edge } : { compressedHeight: edge }
      const out = (await Taro.compressImage({ src: path, quality, ...box })).tempFilePath
      last = { path: out, bytes: await sizeOf(out) }
      if (last.bytes <= TARGET_BYTES) return last
    }
    if (edge <= MIN_EDGE) return last
    edge = Math.max(MIN_EDGE, Math.round(edge * 0.8))
  }
}

/** Opens the camera or album for up to `count` photos and returns them compressed. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
  if (process.env.TARO_ENV === 'weapp') {
    return Promise.all(
      res.tempFilePaths.map(async (p) => {
        const c = await compressInWeapp(p)
        return { preview: c.path, source: c.path, bytes: c.bytes }
      }),
    )
  }
  return Promise.all(
    res.tempFilePaths.map(async (p) => {
      const blob = await compressInBrowser(p)
      return { preview: URL.createObjectURL(blob), source: blob, bytes: blob.size }
    }),
  )
}

export interface UploadOptions {
  purpose?: FilePurpose
  /** 0–100 while the bytes travel; without it a loading toast shows progress once the upload is slow. */
  onProgress?: (percent: number) => void
}

/** Calls `onProgress`, or after 600 ms shows (and later hides) a loading toast with the percentage. */
function progressReporter(onProgress?: (percent: number) => void) {
  if (onProgress) return { report: onProgress, end: () => undefined }
  let percent = 0
  let shown = false
  const show = () => {
    shown = true
    void Taro.showLoading({ title: `正在上传照片 ${percent}%`, mask: true })
  }
  const timer = setTimeout(show, 600)
  return {
    report: (p: number) => {
      percent = Math.round(p)
      if (shown) show()
    },
    end: () => {
      clearTimeout(timer)
      if (shown) void Taro.hideLoading()
    },
  }
}

/** weapp: what the file is by its first bytes (the compressor may keep or change the type). */
function mimeOfFile(filePath: string): Promise<UploadMime> {
  return new Promise((resolve) =>
    Taro.getFileSystemManager().readFile({
      filePath,
      position: 0,
      length: 12,
      success: (r) =>
        resolve(typeof r.data === 'string' ? 'image/jpeg' : (sniffUploadMime(new Uint8Array(r.data)) ?? 'image/jpeg')),
      fail: () => resolve('image/jpeg'),
    }),
  )
}

/** weapp: bytes into the issued path; a failure here never reached the server, so it is a network failure. */
function sendToCloud(cloudPath: string, filePath: string, report: (p: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => (res.fileID ? resolve(res.fileID) : reject(new CallError('network', null, UPLOAD_FAILED))),
      fail: () => reject(new CallError('network', null, UPLOAD_FAILED)),
    })
    task.onProgressUpdate((p) => report(p.progress))
  })
}

const UploadReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: FileViewSchema }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCodeSchema, message: z.string() }) }),
])

async function sendToGateway(photo: Blob, purpose: FilePurpose): Promise<string> {
  const form = new FormData()
  form.append('purpose', purpose)
  form.append('file', photo, `photo.${isUploadMime(photo.type) ? UPLOAD_MIME[photo.type] : 'jpg'}`)
  const token = getToken()
  let raw: unknown
  try {
    const res = await fetch('/upload', {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
    raw = await res.json()
  } catch {
    throw new CallError('network', null, UPLOAD_FAILED)
  }
  const reply = UploadReply.safeParse(raw)
  if (!reply.success) throw CallError.badResponse()
  if (reply.data.ok) return reply.data.data.fileId
  if (reply.data.error.code === 'UNAUTHENTICATED') goLogin({ expired: token !== null })
  throw CallError.fromEnvelope(reply.data.error.code, reply.data.error.message)
}

/** Per photo: its registered id, and an upload still waiting for registration (with the request to retry). */
const registered = new WeakMap<PickedPhoto, string>()
const unregistered = new WeakMap<PickedPhoto, { fileId: string; requestId: string }>()

async function uploadInWeapp(photo: PickedPhoto, path: string, purpose: FilePurpose, report: (p: number) => void) {
  let pending = unregistered.get(photo)
  if (!pending) {
    const { cloudPath } = await call('files.prepareUpload', { mime: await mimeOfFile(path) })
    pending = { fileId: await sendToCloud(cloudPath, path, report), requestId: newRequestId() }
    unregistered.set(photo, pending)
  }
  try {
    await call('files.register', { fileId: pending.fileId, purpose }, { requestId: pending.requestId })
  } catch (err) {
    // A lost answer or a server fault is retried with the same request; a refusal needs a fresh upload.
    const retryable = err instanceof CallError && (err.kind === 'network' || err.code === 'INTERNAL')
    if (!retryable) unregistered.delete(photo)
    throw err
  }
  unregistered.delete(photo)
  return pending.fileId
}

/**
 * Uploads and registers one photo, returning the file id an action may attach. Retry-safe: a photo
 * already registered is not sent again, and one uploaded but not yet registered is only registered.
 * `_ownerId` is unused (the server issues the path) and stays only so existing callers compile.
 */
export async function uploadPhoto(photo: PickedPhoto, _ownerId?: string, options: UploadOptions = {}): Promise<string> {
  const done = registered.get(photo)
  if (done) return done
  const purpose = options.purpose ?? 'photo'
  const progress = progressReporter(options.onProgress)
  try {
    const fileId = await send(photo, purpose, progress.report)
    progress.report(100)
    registered.set(photo, fileId)
    return fileId
  } finally {
    progress.end()
  }
}

function send(photo: PickedPhoto, purpose: FilePurpose, report: (p: number) => void): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof photo.source !== 'string') throw CallError.badResponse()
    return uploadInWeapp(photo, photo.source, purpose, report)
  }
  if (typeof photo.source === 'string') throw CallError.badResponse()
  return sendToGateway(photo.source, purpose)
}
