/**
 * Replays of mutating actions: the first call with (user, action, requestId) claims a record and
 * runs; repeats — sequential or concurrent — get the stored envelope back. A claim whose holder
 * crashed is taken over once its lease runs out, so a retry is never stuck.
 */
import crypto from 'node:crypto'
import { z } from 'zod'
import { envelopeOf, type Envelope } from '../../types'
import { StoreConflictError, type StoredDoc } from './store/port'
import type { Deps } from './context'

export const REPLAY_TTL_MS = 24 * 60 * 60 * 1000
export const LEASE_MS = 30 * 1000
const WAIT_STEP_MS = 40
const WAIT_TOTAL_MS = 15 * 1000

const RequestRecordSchema = z.object({
  _id: z.string(),
  state: z.enum(['pending', 'done']),
  fingerprint: z.string(),
  leaseUntil: z.number(),
  expiresAt: z.number(),
  result: z.unknown(),
  version: z.number(),
})
type RequestRecord = z.infer<typeof RequestRecordSchema>
const StoredEnvelope = envelopeOf(z.unknown())

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('base64url')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function requestKey(userId: string, action: string, requestId: string): string {
  return `req_${sha(`${userId}\n${action}\n${requestId}`).slice(0, 32)}`
}

type Outcome =
  | { kind: 'run'; claim: StoredDoc }
  | { kind: 'replay'; envelope: Envelope<unknown> }
  | { kind: 'busy' }
  | { kind: 'mismatch' }

async function claimOrReplay(deps: Deps, id: string, fingerprint: string): Promise<Outcome> {
  const { store, clock } = deps
  const started = Date.now()
  while (Date.now() - started < WAIT_TOTAL_MS) {
    const now = clock.now()
    const fresh: RequestRecord = {
      _id: id,
      state: 'pending',
      fingerprint,
      leaseUntil: now + LEASE_MS,
      expiresAt: now + REPLAY_TTL_MS,
      result: null,
      version: 0,
    }
    const raw = await store.get('requests', id)
    if (!raw) {
      try {
        await store.insert('requests', fresh)
        return { kind: 'run', claim: fresh }
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err
        continue
      }
    }
    const record = RequestRecordSchema.parse(raw)
    const expired = record.expiresAt <= now
    if (!expired && record.fingerprint !== fingerprint) return { kind: 'mismatch' }
    if (!expired && record.state === 'done') return { kind: 'replay', envelope: StoredEnvelope.parse(record.result) }
    if (expired || record.leaseUntil <= now) {
      try {
        const taken = await store.replace('requests', { ...fresh, version: record.version })
        return { kind: 'run', claim: taken }
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err
        continue
      }
    }
    await sleep(WAIT_STEP_MS)
  }
  return { kind: 'busy' }
}

export async function withIdempotency(
  deps: Deps,
  key: string,
  payload: unknown,
  run: () => Promise<Envelope<unknown>>,
): Promise<Envelope<unknown>> {
  const fingerprint = sha(JSON.stringify(payload ?? null))
  const outcome = await claimOrReplay(deps, key, fingerprint)
  if (outcome.kind === 'replay') return outcome.envelope
  if (outcome.kind === 'busy')
    return { ok: false, error: { code: 'CONFLICT', message: '该请求正在处理中，请稍候再试' } }
  if (outcome.kind === 'mismatch') {
    return { ok: false, error: { code: 'CONFLICT', message: '请求编号已用于另一项操作，请刷新后重试' } }
  }
  const envelope = await run()
  if (!envelope.ok && envelope.error.code === 'INTERNAL') {
    // Let a retry run again instead of replaying a server fault.
    await deps.store.remove('requests', key).catch(() => undefined)
    return envelope
  }
  const done = { ...outcome.claim, state: 'done', result: envelope }
  await deps.store.replace('requests', done).catch((err: unknown) => {
    if (!(err instanceof StoreConflictError)) throw err
  })
  return envelope
}
