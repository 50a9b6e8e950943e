import fc from 'fast-check'
import { findSensitiveNumbers, hasUnmaskedNumber, maskSensitiveText } from '../../types'

/** Fragments people type around numbers: digits (ASCII and full-width), separators, prefixes, masks, words. */
const fragment = fc.constantFrom(
  '0',
  '1',
  '3',
  '8',
  '9',
  '12',
  '86',
  '138',
  '0537',
  '1234',
  '19900101',
  '370811',
  '6222',
  '13805371234',
  '370811199001011234',
  '１',
  '３',
  'Ｘ',
  'X',
  'x',
  ' ',
  '  ',
  '-',
  '－',
  '　',
  '+',
  '＋',
  '(',
  ')',
  '（',
  '）',
  '*',
  '****',
  '.',
  ':',
  'a',
  '电话',
  '，',
  '号',
)

const text = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''))

describe('masking properties', () => {
  test('masked text holds no sensitive number, so masking twice changes nothing', () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = maskSensitiveText(t)
        expect(findSensitiveNumbers(once)).toEqual([])
        expect(hasUnmaskedNumber(once)).toBe(false)
        expect(maskSensitiveText(once)).toBe(once)
      }),
      { numRuns: 5000 },
    )
  })

  test('spans are ordered, non-overlapping, inside the text, and their masks keep no middle digits', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0
        for (const s of findSensitiveNumbers(t)) {
          expect(s.start).toBeGreaterThanOrEqual(last)
          expect(s.end).toBeGreaterThan(s.start)
          expect(s.end).toBeLessThanOrEqual(t.length)
          expect(s.value).toMatch(/^\d+X?$/)
          expect(s.masked).toMatch(/^\d{0,4}\*+\d{3}[\dX]$/)
          last = s.end
        }
      }),
      { numRuns: 5000 },
    )
  })
})
