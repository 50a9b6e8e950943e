/** Users: the deterministic id from an openId, first-call creation as a resident, and versioned updates. */
import crypto from 'node:crypto'
import { UserDocSchema, type UserDoc } from '../../types'
import { StoreConflictError } from './store/port'
import type { Deps } from './context'
import { updateVersioned } from './store/update'
import { parseShared } from './parse-shared'
import { currentDoc } from './read-cache'

/** Recent openId → user id answers: every call hashes its caller's openId, and callers repeat. */
const recentIds = new Map<string, string>()
const RECENT_IDS_KEPT = 10_000

/** Deterministic user id from the openId, so two concurrent first calls cannot create two users. */
export function userIdFor(openId: string): string {
  const known = recentIds.get(openId)
  if (known) return known
  const id = `u_${crypto.createHash('sha256').update(openId).digest('base64url').slice(0, 22)}`
  if (recentIds.size >= RECENT_IDS_KEPT) recentIds.clear()
  recentIds.set(openId, id)
  return id
}

export function parseUser(doc: unknown): UserDoc {
  return parseShared(UserDocSchema, doc)
}

export function newResident(openId: string, now: number): UserDoc {
  return {
    _id: userIdFor(openId),
    openId,
    nickname: '微信用户',
    avatarFileId: null,
    phone: null,
    realName: null,
    roles: [{ role: 'resident' }],
    homeGridId: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
}

/**
 * Loads the caller, creating a resident on the first call. Read as stored now: the copy read before is reused
 * only while the stored version is the same (users are never removed, so a version names one content).
 */
export async function ensureUser(deps: Deps, openId: string): Promise<UserDoc> {
  const id = userIdFor(openId)
  const existing = await currentDoc(deps, 'users', id, parseUser)
  if (existing) return existing
  const fresh = newResident(openId, deps.clock.now())
  try {
    await deps.store.insert('users', fresh)
    return fresh
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err
    const raced = await deps.store.get('users', id)
    if (!raced) throw err
    return parseUser(raced)
  }
}

/** Read-modify-write of a user; retried so concurrent edits are never lost. */
export function updateUser(deps: Deps, id: string, change: (user: UserDoc) => UserDoc): Promise<UserDoc> {
  return updateVersioned(deps.store, 'users', id, {
    parse: parseUser,
    change: (user) => ({ ...change(user), updatedAt: deps.clock.now() }),
    missing: () => new Error(`user ${id} vanished`),
    attempts: 30,
  })
}
