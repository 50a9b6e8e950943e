/**
 * Lost ↔ found suggestions: open posts of the other kind, same category, same street, whose times fit
 * (found no earlier than a day before it was lost, within 30 days after) and whose places are near
 * (within 3 km when both have a point, else the same grid). Read from the `match` index.
 */
import { LostPostDocSchema, type LostPostDoc } from '../../../../types'
import type { Deps } from '../../context'
import { distanceMetres } from '../orders/geo'

const DAY = 24 * 60 * 60 * 1000
export const MATCH_DAYS = 30
export const MATCH_METRES = 3000
const MAX_MATCHES = 5

export function fits(lost: LostPostDoc, found: LostPostDoc): boolean {
  if (lost.category !== found.category || lost.streetId !== found.streetId) return false
  if (found.happenedAt < lost.happenedAt - DAY || found.happenedAt > lost.happenedAt + MATCH_DAYS * DAY) return false
  if (lost.location && found.location) return distanceMetres(lost.location, found.location) <= MATCH_METRES
  return lost.gridId !== null && lost.gridId === found.gridId
}

const other = (post: LostPostDoc) => (post.kind === 'lost' ? 'found' : 'lost')

/** Up to five open posts of the other kind that may be the same thing, nearest in time first. */
export async function matchesOf(deps: Deps, post: LostPostDoc): Promise<LostPostDoc[]> {
  if (post.kind === 'person') return []
  // Posts are created after the fact: a candidate is posted at most MATCH_DAYS after the earlier event.
  const since = post.happenedAt - (MATCH_DAYS + 1) * DAY
  const page = await deps.store.find('lostposts', {
    where: {
      streetId: post.streetId,
      state: 'open',
      filterKey: `${other(post)}|${post.category}`,
      createdAt: { gte: since },
    },
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: 100,
  })
  return page.items
    .map((raw) => LostPostDocSchema.parse(raw))
    .filter((c) => c._id !== post._id && (post.kind === 'lost' ? fits(post, c) : fits(c, post)))
    .sort((a, b) => Math.abs(a.happenedAt - post.happenedAt) - Math.abs(b.happenedAt - post.happenedAt))
    .slice(0, MAX_MATCHES)
}
