/** Timer work for lost and found: open posts past their date expire (30 days, 寻人 90), their owners told. */
import { LostPostDocSchema } from '../../../types'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { changePost } from '../modules/lostfound/repo'
import { expired } from '../modules/lostfound/rules'
import { loadUsers } from '../modules/places/load'

const BATCH = 100
const MAX_BATCHES = 20

/** Expires open posts whose date has passed; a post renewed or closed meanwhile is left as it is. */
export async function expirePosts(deps: Deps, now: number): Promise<number> {
  let count = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page = await deps.store.find('lostposts', {
      where: { state: 'open', expiresAt: { lt: now } },
      orderBy: { field: 'expiresAt', direction: 'asc' },
      limit: BATCH,
    })
    for (const raw of page.items) {
      const post = LostPostDocSchema.parse(raw)
      let changed = false
      try {
        await changePost(deps, post._id, (p) => {
          changed = p.state === 'open' && p.expiresAt < now
          return changed ? expired(p, now) : p
        })
      } catch (err) {
        if (err instanceof AppError && err.code === 'CONFLICT') continue
        throw err
      }
      if (!changed) continue
      count++
      const [owner] = await loadUsers(deps, [post.ownerId])
      if (owner)
        await deps.notify.send({
          userId: owner._id,
          openId: owner.openId,
          title: '您的启事已到期',
          body: `「${post.publicTitle}」已到期下架，如仍需要可以续期。`,
          link: `/packages/lostfound/pages/detail/index?id=${post._id}`,
        })
    }
    if (page.items.length < BATCH) break
  }
  return count
}
