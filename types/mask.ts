/** Masking rules shared by every presenter; pure, so the client can reuse them for display. */

/** 13812345678 → 138****5678; anything else keeps at most its first and last character. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/\s+/g, '')
  if (/^\d{11}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`
}

/** 370811199001011234 → 3708**********1234 (18 or 15 digits; X allowed as check digit). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null
  const s = id.trim()
  if (s.length <= 8) return '*'.repeat(s.length)
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`
}

const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g
const ID_IN_TEXT = /(?<![\dXx])(\d{4})\d{10}(\d{3}[\dXx])(?![\dXx])/g

/** Masks phone and ID numbers written inside free text (posts, notes). */
export function maskSensitiveText(text: string): string {
  return text.replace(ID_IN_TEXT, '$1**********$2').replace(PHONE_IN_TEXT, '$1****$2')
}
