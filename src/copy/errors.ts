import { GENERIC_VALIDATION_MESSAGE, type ErrorCode, type FieldError } from '../contract'

/** One Chinese sentence per error code; typed as a full record so a new code breaks the build. */
export const ERROR_COPY: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全审核，请修改后再提交',
  INSUFFICIENT_POINTS: '积分不足',
  OUT_OF_STOCK: '已经兑换完了',
  INVALID_TRANSITION: '当前状态下不能进行此操作，请刷新后查看',
  UNKNOWN_ACTION: '当前版本不支持此功能，请更新小程序',
  PAYLOAD_TOO_LARGE: '提交的内容过大，请精简后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
}

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试'
export const BAD_RESPONSE_MESSAGE = '服务返回的数据异常，请稍后重试'

const CJK = /[\u3400-\u9fff]/

/** Whether a message is written in Chinese (and so may be shown as it is). */
export function isChinese(text: string): boolean {
  return CJK.test(text)
}

/** Server text is shown only when it is Chinese; anything else falls back to our copy. */
export function chineseOr(text: string | undefined, fallback: string): string {
  return text && CJK.test(text) ? text : fallback
}

export function messageForError(code: ErrorCode, message: string, fields?: FieldError[]): string {
  const fallback = ERROR_COPY[code]
  if (code === 'VALIDATION') {
    // A handler's own sentence says what to do next (e.g. a rotated QR code); a schema failure is
    // generic, so the first field's message is more useful.
    if (message !== GENERIC_VALIDATION_MESSAGE && CJK.test(message)) return message
    const first = fields?.[0]?.message
    if (first && CJK.test(first)) return first
  }
  return chineseOr(message, fallback)
}
