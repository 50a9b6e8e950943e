/**
 * Masking rules shared by every presenter; pure, so the client can reuse them for display.
 *
 * Runs in old WebViews too: no regex lookbehind, no `replaceAll`, no `isWellFormed`; the scanner is a plain loop.
 *
 * What counts as a sensitive number in free text:
 * - phone: 11 digits starting 1[3-9], written whole or in at most 3 groups of 3+ digits (`138 0537 1234`,
 *   `138-0537-1234`), optionally after a `+86` / `0086` / `(+86)` / `（+86）` prefix (the prefix is part of the span
 *   and dropped from the masked form);
 * - id: 18 characters (17 digits + digit or X) or 15 digits, whole or in at most 5 groups (`370811 19900101 1234`);
 * - bank: 16–19 digits, whole or in groups of 4 (`6222 0212 3456 7890 123`).
 * Groups are maximal digit runs (full-width digits count) separated by 1–3 spaces or dashes (full-width ones too).
 * A match always starts and ends on a group boundary (the one exception: `abc+8613805371234`, where the `+86` is
 * glued to a word and the span starts after the `86`), so a phone is never cut out of a longer run
 * (`2138053712345` stays), and dates, order numbers and counts (`2026-11-23`, `20261123-000123`, `3号楼2单元301`)
 * do not add up to any of the shapes above. Desk phones (`0537-2345678`) are left as they are.
 *
 * Precedence for 18 digits: an ID when it looks like one (known province code, birth date 19xx/20xx-01..12-01..31),
 * else a bank card. 17 digits + X is always an ID. The ISO 7064 check digit is deliberately not used: a mistyped ID
 * must still be masked, and a random 18-digit run passes the check 1 time in 11, so it cannot tell IDs from cards.
 *
 * Masked forms (none of them is ever detected again, so masking is idempotent):
 * - phone `138****1234`;
 * - id `3708**********1234` (18) or `3708*******1234` (15);
 * - bank `************1234`: the same length as the digits, only the last 4 kept, no spaces.
 * A 3–4 digit run right before `*` or a 4-character run right after `*` is the visible edge of such a mask and is
 * never read as part of a number; this is what keeps `138****1234 5678 9012 3456` from turning into a card number.
 */

export type SensitiveKind = 'phone' | 'id' | 'bank'

export interface SensitiveSpan {
  start: number
  end: number
  kind: SensitiveKind
  /** the digits as ASCII, prefix and separators removed, X upper-case */
  value: string
  /** what replaces text.slice(start, end) */
  masked: string
}

/** One maximal digit run in the normalised text; `chars` may end in an upper-case X. */
interface Group {
  start: number
  end: number
  chars: string
}

/**
 * Full-width digits, X, plus, parentheses, asterisk, the dash family and wide spaces as their ASCII forms.
 * Every mapping is one UTF-16 unit to one, so indexes into the result are indexes into the input.
 */
function normalize(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48)
    else if (c === 0xff38 || c === 0xff58) out += 'X'
    else if (c === 0x78) out += 'X'
    else if (c === 0xff0b) out += '+'
    else if (c === 0xff08) out += '('
    else if (c === 0xff09) out += ')'
    else if (c === 0xff0a) out += '*'
    else if (c === 0xff0d || c === 0x2212 || (c >= 0x2010 && c <= 0x2015)) out += '-'
    else if (c === 0x3000 || c === 0xa0) out += ' '
    else out += text.charAt(i)
  }
  return out
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && (isDigit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
}

/** 1–3 spaces or dashes: `138 0537`, `138-0537`, `138 - 0537`, `138--0537`. */
function isSeparator(s: string): boolean {
  if (s.length < 1 || s.length > 3) return false
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i)
    if (ch !== '-' && ch !== ' ') return false
  }
  return true
}

/** Digit runs linked by separators; a run ending in X, or the edge of a mask, ends a chain. */
function chainsOf(n: string): Group[][] {
  const chains: Group[][] = []
  let chain: Group[] = []
  let i = 0
  while (i < n.length) {
    if (!isDigit(n.charAt(i))) {
      i++
      continue
    }
    const start = i
    while (isDigit(n.charAt(i))) i++
    // An X counts only as the last character of an ID: right after the digits and not inside a word. Nor before
    // `*`: the next number may have been masked, and its mask must not change how this one reads.
    if (n.charAt(i) === 'X' && !isAsciiAlnum(n.charAt(i + 1)) && n.charAt(i + 1) !== '*') i++
    const group: Group = { start, end: i, chars: n.slice(start, i) }
    const hasX = group.chars.charAt(group.chars.length - 1) === 'X'
    const maskHead = !hasX && group.chars.length >= 3 && group.chars.length <= 4 && n.charAt(group.end) === '*'
    const maskTail = group.chars.length === 4 && n.charAt(start - 1) === '*'
    const previous = chain[chain.length - 1]
    const linked =
      previous !== undefined &&
      previous.chars.charAt(previous.chars.length - 1) !== 'X' &&
      isSeparator(n.slice(previous.end, start))
    if (!linked && chain.length > 0) {
      chains.push(chain)
      chain = []
    }
    if (maskHead || maskTail) {
      if (chain.length > 0) chains.push(chain)
      chain = []
      continue
    }
    chain.push(group)
  }
  if (chain.length > 0) chains.push(chain)
  return chains
}

/** Province-level codes (first two digits) of the mainland, Hong Kong, Macao and Taiwan. */
const PROVINCES =
  ' 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 '

function knownRegion(d: string): boolean {
  if (PROVINCES.indexOf(` ${d.slice(0, 2)} `) >= 0) return true
  // Foreigners' permanent residence cards (2023): 9, then the province code.
  return d.charAt(0) === '9' && PROVINCES.indexOf(` ${d.slice(1, 3)} `) >= 0
}

function plausibleMonthDay(mmdd: string): boolean {
  const month = Number(mmdd.slice(0, 2))
  const day = Number(mmdd.slice(2, 4))
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

function looksLikeId18(d: string): boolean {
  const century = d.slice(6, 8)
  return knownRegion(d) && (century === '19' || century === '20') && plausibleMonthDay(d.slice(10, 14))
}

function looksLikeId15(d: string): boolean {
  return knownRegion(d) && plausibleMonthDay(d.slice(8, 12))
}

function allDigits(d: string): boolean {
  for (let i = 0; i < d.length; i++) if (!isDigit(d.charAt(i))) return false
  return true
}

function isPhoneDigits(d: string): boolean {
  return d.length === 11 && d.charAt(0) === '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9' && allDigits(d)
}

function phoneGrouping(lens: number[]): boolean {
  return lens.length <= 3 && lens.every((l) => l >= 3)
}

function idGrouping(lens: number[]): boolean {
  if (lens.length === 1) return true
  if (lens.length > 5) return false
  return lens.every((l, k) => (k === lens.length - 1 ? l >= 2 : l >= 3))
}

function bankGrouping(lens: number[]): boolean {
  if (lens.length === 1) return true
  const last = lens[lens.length - 1] ?? 0
  return last >= 1 && last <= 4 && lens.every((l, k) => k === lens.length - 1 || l === 4)
}

/** The group lengths once the first `count` digits (a country prefix) are taken away. */
function dropLeading(lens: number[], count: number): number[] {
  const rest = lens.slice()
  let left = count
  while (left > 0 && rest.length > 0) {
    const first = rest[0] ?? 0
    if (first <= left) {
      left -= first
      rest.shift()
    } else {
      rest[0] = first - left
      left = 0
    }
  }
  return rest
}

function maskedPhoneDigits(d: string): string {
  return `${d.slice(0, 3)}****${d.slice(7)}`
}

function maskedIdDigits(d: string): string {
  return `${d.slice(0, 4)}${'*'.repeat(d.length - 8)}${d.slice(-4)}`
}

function maskedBankDigits(d: string): string {
  return `${'*'.repeat(d.length - 4)}${d.slice(-4)}`
}

/** `(+86)`, `（+86）`, `(0086)` and `(86)` right before a phone, separators after it allowed. */
const PAREN_PREFIX = /\( ?\+? ?(?:00)?86 ?\)[ -]{0,3}$/

/** What groups from..to of one chain are, if anything; `floor` is the end of the previous span (no overlap). */
function classify(n: string, groups: Group[], from: number, to: number, floor: number): SensitiveSpan | null {
  let digits = ''
  const lens: number[] = []
  for (let k = from; k <= to; k++) {
    const g = groups[k] as Group
    digits += g.chars
    lens.push(g.chars.length)
  }
  const first = groups[from] as Group
  const last = groups[to] as Group
  const result = match(n, digits, lens, first.start, last.end, floor)
  if (result || digits.charAt(digits.length - 1) !== 'X') return result
  // `13805371234X`: not an ID, so the X is just a letter after the number.
  const trimmed = lens.slice()
  trimmed[trimmed.length - 1] = (trimmed[trimmed.length - 1] ?? 1) - 1
  return match(n, digits.slice(0, -1), trimmed, first.start, last.end - 1, floor)
}

function match(n: string, d: string, lens: number[], start: number, end: number, floor: number): SensitiveSpan | null {
  const hasX = d.charAt(d.length - 1) === 'X'
  if (!hasX) {
    if (isPhoneDigits(d) && phoneGrouping(lens)) {
      // A separate `(+86)` before the number joins the span when nothing but separators lies between.
      const before = n.slice(Math.max(floor, start - 12), start)
      const paren = PAREN_PREFIX.exec(before)
      let from = start
      if (paren && !isAsciiAlnum(n.charAt(start - paren[0].length - 1))) from = start - paren[0].length
      return { start: from, end, kind: 'phone', value: d, masked: maskedPhoneDigits(d) }
    }
    // `0086 138…` and `008613805371234`: the prefix digits are part of the run.
    if (d.length === 15 && d.slice(0, 4) === '0086') {
      const rest = d.slice(4)
      if (isPhoneDigits(rest) && phoneGrouping(dropLeading(lens, 4))) {
        return { start, end, kind: 'phone', value: rest, masked: maskedPhoneDigits(rest) }
      }
    }
    // `+86 138…`, `+8613805371234`: the plus sits right before the run.
    if (d.length === 13 && d.slice(0, 2) === '86' && n.charAt(start - 1) === '+') {
      const rest = d.slice(2)
      if (isPhoneDigits(rest) && phoneGrouping(dropLeading(lens, 2))) {
        const phone = { kind: 'phone' as const, value: rest, masked: maskedPhoneDigits(rest) }
        if (start - 1 >= floor && !isAsciiAlnum(n.charAt(start - 2))) return { start: start - 1, end, ...phone }
        // `abc+8613805371234` has no clean prefix, but the glued phone digits must go all the same; `86` stays.
        if ((lens[0] ?? 0) > 2) return { start: start + 2, end, ...phone }
      }
    }
  }
  if (d.length === 18 && idGrouping(lens) && (hasX || looksLikeId18(d))) {
    return { start, end, kind: 'id', value: d, masked: maskedIdDigits(d) }
  }
  if (hasX) return null
  if (d.length === 15 && idGrouping(lens) && looksLikeId15(d)) {
    return { start, end, kind: 'id', value: d, masked: maskedIdDigits(d) }
  }
  if (d.length >= 16 && d.length <= 19 && bankGrouping(lens)) {
    return { start, end, kind: 'bank', value: d, masked: maskedBankDigits(d) }
  }
  return null
}

/** The longest sensitive shape (19 digits, or 19 and a stray X) bounds how many groups one match may span. */
const MAX_CHARS = 20

/** Every phone / ID / bank-card number in free text, in order, non-overlapping. */
export function findSensitiveNumbers(text: string): SensitiveSpan[] {
  const n = normalize(text)
  const spans: SensitiveSpan[] = []
  let floor = 0
  for (const groups of chainsOf(n)) {
    let from = 0
    while (from < groups.length) {
      let to = from - 1
      let total = 0
      while (to + 1 < groups.length && total + (groups[to + 1] as Group).chars.length <= MAX_CHARS) {
        to++
        total += (groups[to] as Group).chars.length
      }
      // Longest first: `6222 0212 3456 7890` is one card, not four short runs.
      let found: SensitiveSpan | null = null
      for (; to >= from; to--) {
        found = classify(n, groups, from, to, floor)
        if (found) break
      }
      if (found) {
        spans.push(found)
        floor = found.end
        from = to + 1
      } else {
        from++
      }
    }
  }
  return spans
}

/** The text with every phone, ID and bank-card number replaced by its masked form. */
export function maskSensitiveText(text: string): string {
  const spans = findSensitiveNumbers(text)
  if (spans.length === 0) return text
  let out = ''
  let at = 0
  for (const s of spans) {
    out += text.slice(at, s.start) + s.masked
    at = s.end
  }
  return out + text.slice(at)
}

/** True when the text still contains an unmasked phone, ID or bank number. */
export function hasUnmaskedNumber(text: string): boolean {
  return findSensitiveNumbers(text).length > 0
}

/** The characters of a number field without separators, full-width forms folded to ASCII, X upper-case. */
function compact(value: string): string {
  return normalize(value).replace(/[\s\-()]+/g, '')
}

/**
 * 13812345678 → 138****5678; `+86 138 0537 1234` and full-width digits too. Anything that is not one mobile number
 * (a desk phone, a typo) keeps at most its first and last two characters.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  const spans = findSensitiveNumbers(phone)
  const only = spans.length === 1 ? spans[0] : undefined
  if (
    only &&
    only.kind === 'phone' &&
    phone.slice(0, only.start).trim() === '' &&
    phone.slice(only.end).trim() === ''
  ) {
    return only.masked
  }
  const digits = phone.replace(/\s+/g, '')
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`
}

/** 370811199001011234 → 3708**********1234 (18 or 15 digits; X allowed as check digit; separators dropped). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null
  const s = compact(id)
  if (s.length <= 8) return '*'.repeat(s.length)
  return maskedIdDigits(s)
}

/** 6222 0212 3456 7890 → ************7890: one `*` per hidden digit, only the last 4 kept, separators dropped. */
export function maskBankCard(card: string | null | undefined): string | null {
  if (!card) return null
  const s = compact(card)
  if (s.length <= 4) return '*'.repeat(s.length)
  return maskedBankDigits(s)
}
