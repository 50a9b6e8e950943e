/** Building blocks every capability's contract uses: ids, paging, places on the map, phones and text. */
import { z } from 'zod'

export const IdSchema = z.string().min(1).max(64)
export const CursorSchema = z.string().max(512).optional()

export const PageInputSchema = z.object({
  cursor: CursorSchema,
  limit: z.number().int().min(1).max(50).default(20),
})

/** One page of a list: the items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const LatLngSchema = z.object({
  lat: z.number('请填写纬度').min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
  lng: z.number('请填写经度').min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
})
export type LatLng = z.infer<typeof LatLngSchema>

/** Mainland mobile number; masked as 138****5678 in every view but the owner's. */
export const PhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确')

/** C0/C1 controls (tab and, in multi-line text, newline allowed) and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what the type refuses
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
// eslint-disable-next-line no-control-regex -- as above, newline included
const CONTROL_SINGLE_LINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/
const BIDI = /[\u202A-\u202E\u2066-\u2069]/

/** No lone surrogate halves (written as a loop: older WebViews lack isWellFormed and lookbehind). */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) return false
  }
  return true
}

export interface TextOptions {
  /** The field's name in messages, e.g. 网格名称. */
  label?: string
  max: number
  /** 1 makes the field required (with "请填写<label>"). */
  min?: number
  multiline?: boolean
}

/**
 * The one text type for every field a person types: trimmed, NFC-normalised, line breaks unified,
 * and refusing control characters, bidirectional overrides and broken surrogate pairs.
 */
export function text({ label, max, min = 0, multiline = false }: TextOptions) {
  const name = label ?? '内容'
  return z
    .string()
    .refine(isWellFormed, `${name}包含无法识别的字符`)
    .transform((s) => s.replace(/\r\n?/g, '\n').normalize('NFC').trim())
    .refine((s) => !(multiline ? CONTROL : CONTROL_SINGLE_LINE).test(s), `${name}不能包含控制字符`)
    .refine((s) => !BIDI.test(s), `${name}不能包含文字方向控制符`)
    .refine((s) => s.length >= min, min === 1 ? `请填写${name}` : `${name}至少 ${min} 个字`)
    .refine((s) => s.length <= max, `${name}最多 ${max} 个字`)
}
