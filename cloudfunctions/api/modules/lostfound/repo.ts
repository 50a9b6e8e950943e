/** Writing posts together with their search words, in one transaction by id, so search never drifts. */
import crypto from 'node:crypto'
import { LostPostDocSchema, type LostPostDoc } from '../../../../types'
import type { Deps } from '../../context'
import { conflict } from '../../errors'
import { StoreConflictError, type TxHandle } from '../../store/port'

const wordId = (postId: string, word: string) =>
  `lw_${postId}_${crypto.createHash('sha1').update(word).digest('base64url').slice(0, 12)}`

/** Only open posts are searchable: their words have entries; a post that ends takes them away. */
const indexed = (post: LostPostDoc | null) => (post && post.state === 'open' ? post.words : [])

function wordDoc(post: LostPostDoc, word: string) {
  return {
    _id: wordId(post._id, word),
    postId: post._id,
    word,
    streetId: post.streetId,
    gridId: post.gridId,
    wide: post.wide,
    createdAt: post.createdAt,
    version: 0,
  }
}

/** The word entries an open post has (none for one that ended). */
export const wordDocsOf = (post: LostPostDoc) => indexed(post).map((word) => wordDoc(post, word))

/** Inserts a new post with its words. */
export async function insertPost(tx: TxHandle, post: LostPostDoc): Promise<void> {
  await tx.insert('lostposts', post)
  for (const doc of wordDocsOf(post)) await tx.insert('lostwords', doc)
}

/** Replaces `before` by `after` (version-checked) and brings the word entries in line. */
export async function replacePost(tx: TxHandle, before: LostPostDoc, after: LostPostDoc): Promise<LostPostDoc> {
  const had = new Set(indexed(before))
  const has = new Set(indexed(after))
  const written = LostPostDocSchema.parse(await tx.replace('lostposts', { ...after, version: before.version }))
  for (const word of had) if (!has.has(word)) await tx.remove('lostwords', wordId(before._id, word))
  for (const word of has) if (!had.has(word)) await tx.insert('lostwords', wordDoc(after, word))
  return written
}

/** One versioned change of a post (with its words) in a transaction; a lost race reads again, up to 5 times. */
export async function changePost(
  deps: Deps,
  id: string,
  change: (post: LostPostDoc) => LostPostDoc,
): Promise<LostPostDoc> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const raw = await tx.get('lostposts', id)
        if (!raw) throw conflict('该启事已不存在')
        const before = LostPostDocSchema.parse(raw)
        return replacePost(tx, before, change(before))
      })
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err
    }
  }
  throw conflict()
}
