/**
 * Parsed documents by their stored JSON text, per connection. Lists are read again and again (a worker's
 * 待办 on every visit, a grid's posts by each of its residents) and parsing a document costs more than
 * reading it: the same text parses to the same document, so a copy parsed before is handed out again.
 * Documents are frozen: a caller that tried to change a shared one would throw, not corrupt it.
 */
import type { StoredDoc } from './port'

/** Documents kept (about 2 KB of text and as much parsed, each). */
const DOCS_KEPT = 4096
/** Longer texts are parsed every time: one would push out many ordinary documents. */
const MAX_CHARS = 16_384
/** How much of a text finds its entry. */
const KEY_CHARS = 64

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/**
 * A parser that remembers the last `kept` documents it parsed, by their text: found by the text's beginning
 * (where `_id` is; hashing a whole text costs a third of parsing it, and a newer version of a document takes
 * its older one's place) and reused only when the whole text is the same.
 */
export function parsedDocs(kept = DOCS_KEPT): (text: string) => StoredDoc {
  const cache = new Map<string, { text: string; doc: StoredDoc }>()
  return (text) => {
    const key = text.slice(0, KEY_CHARS)
    const known = cache.get(key)
    if (known && known.text === text) return known.doc
    const doc = deepFreeze(JSON.parse(text) as StoredDoc) // adapter seam: the column holds what JSON.stringify wrote
    if (text.length <= MAX_CHARS && kept > 0) {
      if (cache.size >= kept) cache.delete(cache.keys().next().value ?? '')
      cache.set(key, { text, doc })
    }
    return doc
  }
}
