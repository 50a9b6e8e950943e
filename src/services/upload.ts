/**
 * Photos: pick or shoot, compress to about 300 KB, upload. weapp: cloud storage under `u/<userId>/`
 * (ownership is part of the path); h5: `POST /upload` on the gateway.
 */
import Taro from '@tarojs/taro'
import { z } from 'zod'
import { CallError } from './call-error'
import { getToken } from './session'

export const TARGET_BYTES = 300 * 1024
const MAX_EDGE = 1280

export interface PickedPhoto {
  /** A path the Image component can show (weapp temp path, H5 blob URL). */
  preview: string
  /** weapp: the temp file path; h5: the compressed Blob. */
  source: string | Blob
  bytes: number
}

const UploadReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.object({ fileId: z.string(), url: z.string().nullable() }) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
])

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('image decode failed'))
    img.src = src
  })
}

/** H5: scale the longest edge to 1280 px and lower JPEG quality until the file is ≤ 300 KB. */
async function compressInBrowser(src: string): Promise<Blob> {
  const img = await loadImage(src)
  const scale = Math.min(1, MAX_EDGE / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no canvas')
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  let blob: Blob | null = null
  for (const quality of [0.8, 0.65, 0.5, 0.35]) {
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    if (blob && blob.size <= TARGET_BYTES) break
  }
  if (!blob) throw new Error('compress failed')
  return blob
}

async function compressInWeapp(path: string): Promise<{ path: string; bytes: number }> {
  const fs = Taro.getFileSystemManager()
  const sizeOf = (filePath: string) =>
    new Promise<number>((resolve) =>
      fs.getFileInfo({ filePath, success: (r) => resolve(r.size), fail: () => resolve(Number.MAX_SAFE_INTEGER) }),
    )
  let current = path
  for (const quality of [80, 60, 40]) {
    if ((await sizeOf(current)) <= TARGET_BYTES) break
    current = (await Taro.compressImage({ src: path, quality })).tempFilePath
  }
  return { path: current, bytes: await sizeOf(current) }
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

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.jpg`
}

/** Uploads one photo and returns its file id for an action's `photos`. */
export async function uploadPhoto(photo: PickedPhoto, ownerId: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof photo.source !== 'string') throw CallError.badResponse()
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: `u/${ownerId}/${randomName()}`, filePath: photo.source })
      return res.fileID
    } catch {
      throw CallError.network()
    }
  }
  if (typeof photo.source === 'string') throw CallError.badResponse()
  const form = new FormData()
  form.append('file', photo.source, randomName())
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
    throw CallError.network()
  }
  const reply = UploadReply.safeParse(raw)
  if (!reply.success) throw CallError.badResponse()
  if (!reply.data.ok) throw new CallError('server', 'VALIDATION', reply.data.error.message)
  return reply.data.data.fileId
}
