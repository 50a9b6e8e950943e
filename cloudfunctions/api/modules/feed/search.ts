/** Search over a grid's 明白纸 and answered questions (also the suggestions while a question is typed). */
import { FeedPostDocSchema, QuestionDocSchema, type FeedPostDoc, type QuestionDoc } from '../../../../types'
import type { Deps } from '../../context'
import { queryWords } from '../lostfound/words'

/**
 * Search: the longest words of the query through the index, each hit scored by how many query words it holds.
 * A short query (a keyword or two) must match in full; a typed question matches on two words or more, best first.
 * Live 明白纸 and questions staff have replied to.
 */
export async function search(deps: Deps, gridId: string, q: string) {
  const words = queryWords(q)
  if (!words.length) return { items: [] }
  const refs = new Map<string, string>()
  for (const word of words.slice(0, 4)) {
    const hits = await deps.store.find('feedwords', {
      where: { gridId, word },
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: 30,
    })
    for (const hit of hits.items) refs.set(String(hit.refId), String(hit.kind))
  }
  const needed = words.length <= 2 ? words.length : 2
  const scored: {
    score: number
    at: number
    item: { kind: 'leaflet' | 'question'; id: string; title: string; snippet: string }
  }[] = []
  for (const [refId, kind] of refs) {
    if (kind === 'leaflet') {
      const raw = await deps.store.get('feedposts', refId)
      const post: FeedPostDoc | null = raw ? FeedPostDocSchema.parse(raw) : null
      const score = post ? words.filter((w) => post.words.includes(w)).length : 0
      if (!post || post.state !== 'live' || score < needed) continue
      scored.push({
        score,
        at: post.createdAt,
        item: { kind: 'leaflet', id: post._id, title: post.title, snippet: post.body.slice(0, 60) },
      })
    } else {
      const raw = await deps.store.get('questions', refId)
      const question: QuestionDoc | null = raw ? QuestionDocSchema.parse(raw) : null
      const score = question ? words.filter((w) => question.words.includes(w)).length : 0
      if (!question || !question.staffReplied || score < needed) continue
      scored.push({
        score,
        at: question.createdAt,
        item: {
          kind: 'question',
          id: question._id,
          title: question.publicText.slice(0, 30),
          snippet: `${question.replyCount} 条回复${question.state === 'answered' ? ' · 已解决' : ''}`,
        },
      })
    }
  }
  scored.sort((a, b) => b.score - a.score || b.at - a.at)
  return { items: scored.slice(0, 10).map((s) => s.item) }
}
