/**
 * The content check: WeChat's security APIs in the cloud (text: msgSecCheck, images: the asynchronous
 * mediaCheckAsync), the local word list for text and a recorded pass-through for images otherwise.
 */
import type { CheckVerdict, ContentCheck, ImageVerdict } from './ports'
import { SENSITIVE_WORDS } from './sensitive-words'
import { createWordFilter } from './word-filter'

export function createLocalContentCheck(words: readonly string[] = SENSITIVE_WORDS): ContentCheck {
  const filter = createWordFilter(words)
  return {
    async text(text) {
      return filter.firstHit(text) === null ? { pass: true } : { pass: false, reason: 'sensitive_word' }
    },
    // No image model runs locally: the verdict is recorded as the local pass-through it is.
    async image() {
      return { status: 'pass', provider: 'local' }
    },
  }
}

/** Calls an open API of WeChat from the cloud; returns the parsed JSON response. */
export type WxOpenApi = (apiName: string, requestData: Record<string, unknown>) => Promise<unknown>

/** mediaCheckAsync scenes: 1 资料 (profile), 3 论坛 (posts others read). */
const MEDIA_SCENE = { avatar: 1, photo: 3 } as const
const MEDIA_TYPE_IMAGE = 2

/** One field of a parsed WeChat response or push, whatever its shape. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined
}

/**
 * Text: WeChat's msgSecCheck (v2) when the cloud allows it, the local list otherwise, so a network
 * error never lets text through unchecked. Images: mediaCheckAsync (v2; imgSecCheck is v1, unmaintained
 * since 2021-09-01); WeChat downloads the URL and pushes the verdict later (see parseMediaCheckPush).
 */
export function createWechatContentCheck(callApi: WxOpenApi, fallback: ContentCheck): ContentCheck {
  return {
    async text(text, openId): Promise<CheckVerdict> {
      const local = await fallback.text(text, openId)
      if (!local.pass) return local
      try {
        const res = await callApi('security.msgSecCheck', { openid: openId, scene: 2, version: 2, content: text })
        const suggest = field(field(res, 'result'), 'suggest')
        if (field(res, 'errcode') === 87014 || (typeof suggest === 'string' && suggest !== '' && suggest !== 'pass'))
          return { pass: false, reason: 'wechat_risky' }
        return { pass: true }
      } catch {
        return local
      }
    },
    async image(image, openId): Promise<ImageVerdict> {
      const res = await callApi('security.mediaCheckAsync', {
        media_url: image.url,
        media_type: MEDIA_TYPE_IMAGE,
        version: 2,
        openid: openId,
        scene: MEDIA_SCENE[image.purpose],
      })
      const errcode = Number(field(res, 'errcode') ?? field(res, 'errCode') ?? 0)
      const traceId = field(res, 'trace_id') ?? field(res, 'traceId')
      // Fail closed: an image no check has accepted is never recorded as checked.
      if (errcode !== 0 || typeof traceId !== 'string' || !traceId)
        throw new Error(`mediaCheckAsync failed: errcode ${errcode}`)
      return { status: 'pending', provider: 'wechat', traceId }
    },
  }
}

/** WeChat's pushed verdict for one mediaCheckAsync call (event `wxa_media_check`). */
export interface MediaCheckPush {
  traceId: string
  pass: boolean
  /** Why it failed: `wechat_risky` (risky or review) or `wechat_unreadable` (WeChat could not download it). */
  reason: string | null
}

/**
 * Reads the push in either shape WeChat sends: v2 (`result.suggest`) or v1 (`isrisky`); a
 * `status_code` other than 0 means WeChat could not download the image, so nothing was checked.
 */
export function parseMediaCheckPush(event: unknown): MediaCheckPush | null {
  if (field(event, 'Event') !== 'wxa_media_check') return null
  const traceId = field(event, 'trace_id')
  if (typeof traceId !== 'string' || !traceId) return null
  const status = Number(field(event, 'status_code') ?? 0)
  if (status !== 0) return { traceId, pass: false, reason: 'wechat_unreadable' }
  const suggest = field(field(event, 'result'), 'suggest')
  const risky = typeof suggest === 'string' ? suggest !== 'pass' : Number(field(event, 'isrisky') ?? 1) !== 0
  return { traceId, pass: !risky, reason: risky ? 'wechat_risky' : null }
}
