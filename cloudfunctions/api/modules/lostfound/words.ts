/**
 * Search words: what a post is found by. Words come from the public (masked) title and text, split by
 * `Intl.Segmenter` (ICU's Chinese dictionary, shipped with Node), plus the category's name. Anything with
 * a digit or a mask star is left out, so no number, masked or not, is ever a search word.
 */
import { LOST_CATEGORY_LABELS, type LostCategory } from '../../../../types'

/** Words too common to find anything by. */
const STOP = new Set([
  '的',
  '了',
  '在',
  '是',
  '有',
  '和',
  '与',
  '及',
  '或',
  '我',
  '你',
  '他',
  '她',
  '它',
  '一个',
  '请',
  '内',
  '于',
  '把',
  '被',
  '这',
  '那',
  '个',
  '吗',
  '呢',
  '啊',
])
/** A post keeps at most this many words (longest first): enough to be found, bounded for the index. */
export const MAX_WORDS = 40

let segmenter: Intl.Segmenter | null = null
/** The search words of any text (no numbers, no masks, no stop words), in order. */
export const textWords = (text: string): string[] => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const out: string[] = []
  for (const part of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    const w = part.segment.trim()
    if (!part.isWordLike || !w || /[\d*＊]/.test(w) || STOP.has(w) || w.length > 20) continue
    out.push(w)
  }
  return out
}

/** The search words of a post: its public title and text and its category, distinct, longest first. */
export function wordsOf(publicTitle: string, publicText: string, category: LostCategory): string[] {
  const all = new Set([
    ...textWords(publicTitle),
    ...textWords(publicText),
    ...textWords(LOST_CATEGORY_LABELS[category]),
  ])
  return [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, MAX_WORDS)
}

/** The words a search asks for; every one must be among a post's words. Longest (most selective) first. */
export function queryWords(q: string): string[] {
  return [...new Set(textWords(q))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}
