/**
 * The local sensitive-word scan: one Aho–Corasick pass (mint-filter) over text normalised the way
 * people dodge a filter (spaces, punctuation, symbols, zero-width and full-width characters).
 */
import { Mint } from 'mint-filter'

/** "赌 博-网站", "赌\u200b博网站" and "ＡＢＣ" all read as the plain word. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}]+/gu, '')
}

/**
 * Drops words that contain another listed word: they can never change a verdict, and a list where no
 * word sits inside another is what mint-filter 4 needs, since it reports a word only when the scan
 * stands on that word's own node (so "开发" inside "代开发票" would be missed in the text "代开发").
 */
export function minimalWords(words: readonly string[]): string[] {
  const unique = [...new Set(words.map(normalise).filter(Boolean))]
  return unique.filter((w) => !unique.some((other) => other !== w && w.includes(other)))
}

export interface WordFilter {
  /** The first listed word the text contains after normalising, or null. */
  firstHit(text: string): string | null
}

export function createWordFilter(words: readonly string[]): WordFilter {
  const list = minimalWords(words)
  const mint = new Mint(list)
  return {
    firstHit(text) {
      if (list.length === 0) return null
      return mint.filter(normalise(text), { replace: false }).words[0] ?? null
    },
  }
}
