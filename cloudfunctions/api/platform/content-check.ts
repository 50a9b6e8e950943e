import type { CheckVerdict, ContentCheck } from './ports'
import { SENSITIVE_WORDS } from './sensitive-words'

/** Strips spacing and punctuation people insert to dodge a filter (e.g. "赌 博-网站"). */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

export function createLocalContentCheck(words: readonly string[] = SENSITIVE_WORDS): ContentCheck {
  const list = words.map(normalise).filter(Boolean)
  return {
    async text(text) {
      const plain = normalise(text)
      const hit = list.find((w) => plain.includes(w))
      return hit ? { pass: false, reason: 'sensitive_word' } : { pass: true }
    },
  }
}

/** Calls an open API of WeChat from the cloud; returns the parsed JSON response. */
export type WxOpenApi = (apiName: string, requestData: Record<string, unknown>) => Promise<unknown>

/**
 * WeChat's msgSecCheck (v2) when the cloud allows it; the local list otherwise, so a network error
 * never lets text through unchecked.
 */
export function createWechatContentCheck(callApi: WxOpenApi, fallback: ContentCheck): ContentCheck {
  return {
    async text(text, openId): Promise<CheckVerdict> {
      const local = await fallback.text(text, openId)
      if (!local.pass) return local
      try {
        const res = (await callApi('security.msgSecCheck', {
          openid: openId,
          scene: 2,
          version: 2,
          content: text,
        })) as {
          errcode?: number
          result?: { suggest?: string }
        }
        if (res.errcode === 87014 || (res.result?.suggest && res.result.suggest !== 'pass'))
          return { pass: false, reason: 'wechat_risky' }
        return { pass: true }
      } catch {
        return local
      }
    },
  }
}
