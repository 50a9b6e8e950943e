/** Documents parsed once per stored text: reused while the text is the same, never stale, never writable. */
import { z } from 'zod'
import { createSqliteStore } from '../../../../cloudfunctions/api/store/sqlite'
import { parsedDocs } from '../../../../cloudfunctions/api/store/parsed-docs'
import { parseShared } from '../../../../cloudfunctions/api/parse-shared'
import type { Store } from '../../../../cloudfunctions/api/store/port'

const page = (store: Store) =>
  store.find('orders', { where: { reporterId: 'u1' }, orderBy: { field: 'createdAt', direction: 'desc' }, limit: 10 })

describe('a SQLite store hands out parsed documents', () => {
  let store: Store
  beforeEach(async () => {
    store = createSqliteStore(':memory:')
    await store.insert('orders', {
      _id: 'o1',
      version: 0,
      reporterId: 'u1',
      createdAt: 1,
      text: '路灯不亮',
      photos: ['a'],
    })
  })
  afterEach(() => store.close())

  test('reading the same document twice gives the same frozen object, in lists and by id', async () => {
    const [first] = (await page(store)).items
    const [again] = (await page(store)).items
    expect(again).toBe(first)
    expect(await store.get('orders', 'o1')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first?.photos)).toBe(true)
  })

  test('a caller that changes a document it read throws instead of changing what others read', async () => {
    const doc = await store.get('orders', 'o1')
    expect(() => Object.assign(doc ?? {}, { text: '改了' })).toThrow(TypeError)
    expect((await store.get('orders', 'o1'))?.text).toBe('路灯不亮')
  })

  test('a written document is read as written, in lists and by id', async () => {
    const doc = await store.get('orders', 'o1')
    if (!doc) throw new Error('missing')
    await store.replace('orders', { ...doc, text: '路灯已修好' })
    expect((await page(store)).items.map((o) => [o.text, o.version])).toEqual([['路灯已修好', 1]])
    expect((await store.get('orders', 'o1'))?.text).toBe('路灯已修好')
  })

  test('with no documents kept, every read parses a new copy', async () => {
    const uncached = createSqliteStore(':memory:', { docsKept: 0 })
    await uncached.insert('orders', { _id: 'o1', version: 0, reporterId: 'u1', createdAt: 1 })
    expect(await uncached.get('orders', 'o1')).not.toBe(await uncached.get('orders', 'o1'))
    await uncached.close()
  })
})

describe('parsedDocs', () => {
  test('keeps at most the last documents it was asked to keep', () => {
    const parse = parsedDocs(2)
    const texts = ['{"_id":"a","version":0}', '{"_id":"b","version":0}', '{"_id":"c","version":0}']
    const [a] = texts.map(parse)
    expect(parse(texts[1] ?? '')).toBe(parse(texts[1] ?? ''))
    expect(parse(texts[0] ?? '')).not.toBe(a)
    expect(parse(texts[0] ?? '')).toEqual({ _id: 'a', version: 0 })
  })

  test('two texts that begin alike are two documents', () => {
    const parse = parsedDocs()
    const long = 'x'.repeat(100)
    const one = parse(`{"_id":"a","note":"${long}","version":0}`)
    const two = parse(`{"_id":"a","note":"${long}","version":1}`)
    expect([one.version, two.version, parse(`{"_id":"a","note":"${long}","version":0}`).version]).toEqual([0, 1, 0])
  })
})

describe('parseShared', () => {
  const Schema = z.object({ _id: z.string(), tags: z.array(z.string()).default([]) })

  test('parses a frozen document once per schema and hands out that frozen result', () => {
    const raw = Object.freeze({ _id: 'a', extra: 1 })
    const parsed = parseShared(Schema, raw)
    expect(parsed).toEqual({ _id: 'a', tags: [] })
    expect(parseShared(Schema, raw)).toBe(parsed)
    expect(Object.isFrozen(parsed.tags)).toBe(true)
    expect(parseShared(Schema.pick({ _id: true }), raw)).toEqual({ _id: 'a' })
  })

  test('parses a document that is not frozen every time, into a result the caller may change', () => {
    const raw = { _id: 'a' }
    const parsed = parseShared(Schema, raw)
    expect(parseShared(Schema, raw)).not.toBe(parsed)
    expect(Object.isFrozen(parsed)).toBe(false)
  })

  test('still refuses what the schema refuses', () => {
    expect(() => parseShared(Schema, Object.freeze({ _id: 1 }))).toThrow()
  })
})
