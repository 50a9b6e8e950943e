/** Search entries of the grid feed: one per word of a 明白纸 or a question, in each grid it belongs to. */
export function wordDocs(
  refId: string,
  gridId: string,
  kind: 'leaflet' | 'question',
  words: string[],
  createdAt: number,
) {
  return words.map((word) => ({ _id: `${refId}_${gridId}_${word}`, word, gridId, kind, refId, createdAt, version: 0 }))
}
