/** Duplicate suggestions shown to a reporter, remembered for half an hour: the only door to 我也遇到 from outside the grid. */
import { z } from 'zod'
import type { Deps } from '../../context'

export const SUGGESTION_TTL_MS = 30 * 60 * 1000
const SuggestionSchema = z.object({
  _id: z.string(),
  userId: z.string(),
  orderId: z.string(),
  expiresAt: z.number(),
  version: z.number(),
})
const idOf = (userId: string, orderId: string) => `sg_${userId}_${orderId}`

export async function rememberSuggestions(deps: Deps, userId: string, orderIds: string[]): Promise<void> {
  const expiresAt = deps.clock.now() + SUGGESTION_TTL_MS
  for (const orderId of orderIds) {
    const raw = await deps.store.get('suggestions', idOf(userId, orderId))
    const doc = {
      _id: idOf(userId, orderId),
      userId,
      orderId,
      expiresAt,
      version: raw ? SuggestionSchema.parse(raw).version : 0,
    }
    await (raw ? deps.store.replace('suggestions', doc) : deps.store.insert('suggestions', doc)).catch(() => undefined)
  }
}

export async function isSuggested(deps: Deps, userId: string, orderId: string): Promise<boolean> {
  const raw = await deps.store.get('suggestions', idOf(userId, orderId))
  return raw !== null && SuggestionSchema.parse(raw).expiresAt > deps.clock.now()
}
