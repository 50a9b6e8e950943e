import fc from 'fast-check'
import { createWordFilter, minimalWords, normalise } from '../../../../cloudfunctions/api/platform/word-filter'
import { createLocalContentCheck } from '../../../../cloudfunctions/api/platform/content-check'
import { SENSITIVE_WORDS } from '../../../../cloudfunctions/api/platform/sensitive-words'

describe('normalising text the way people dodge a filter', () => {
  test.each([
    ['赌 博-网站', '赌博网站'],
    ['赌\u200b博\u200d网站', '赌博网站'],
    ['六·合·彩！！', '六合彩'],
    ['ＡＢＣ　ｄｅｆ', 'abcdef'],
    ['冰★毒', '冰毒'],
    ['代开\n发票', '代开发票'],
  ])('%j reads as %j', (input, plain) => {
    expect(normalise(input)).toBe(plain)
  })
})

describe('the local word filter (mint-filter)', () => {
  const filter = createWordFilter(SENSITIVE_WORDS)

  test.each([
    ['出售 冰-毒，联系我', '冰毒'],
    ['专业代·开·发·票', '代开发票'],
    ['这里有六 合 彩', '六合彩'],
    ['加入传销组织', '传销'],
  ])('finds the word in %j', (text, word) => {
    expect(filter.firstHit(text)).toBe(word)
  })

  test.each(['小区门口路灯坏了', '楼道堆放杂物，存在消防隐患', '开发区的道路施工', ''])(
    'lets ordinary text through: %j',
    (text) => {
      expect(filter.firstHit(text)).toBeNull()
    },
  )

  test('a word inside a longer listed word is still found (mint-filter 4 alone misses it)', () => {
    expect(createWordFilter(['代开发票', '开发']).firstHit('代开发')).toBe('开发')
    expect(createWordFilter(['abcd', 'bc']).firstHit('xabcx')).toBe('bc')
  })

  test('the list is cut to words that contain no other listed word', () => {
    expect(minimalWords(['代开发票', '开发', '开发', '赌博网站', ' 赌博 '])).toEqual(['开发', '赌博'])
    expect(minimalWords(['', '  ', '-'])).toEqual([])
  })

  test('an empty list passes everything', () => {
    expect(createWordFilter([]).firstHit('冰毒')).toBeNull()
  })

  test('agrees with a plain substring scan on random lists and texts', () => {
    const alphabet = fc.constantFrom('赌', '博', '网', '站', '开', '发', ' ', '-')
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.string({ unit: alphabet, maxLength: 12 }), (words, text) => {
        const plain = normalise(text)
        const expected = minimalWords(words).some((w) => plain.includes(w))
        expect(createWordFilter(words).firstHit(text) !== null).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })
})

describe('the local content check', () => {
  const check = createLocalContentCheck()

  test('text with a listed word is refused, ordinary text passes', async () => {
    expect(await check.text('赌 博-网站代理', 'o1')).toEqual({ pass: false, reason: 'sensitive_word' })
    expect(await check.text('路灯不亮了', 'o1')).toEqual({ pass: true })
  })

  test('images pass through, recorded as the local check', async () => {
    const image = { url: '/uploads/u_1/a.png', mime: 'image/png', size: 68, purpose: 'photo' as const }
    expect(await check.image(image, 'o1')).toEqual({ status: 'pass', provider: 'local' })
  })
})
