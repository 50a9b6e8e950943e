/**
 * The only place that talks to the backend. weapp: the `api` cloud function; h5: `POST /api` on the
 * gateway with the dev token. Every response is parsed with the action's output schema.
 */
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import {
  actions,
  envelopeOf,
  type ActionInput,
  type ActionMap,
  type ActionName,
  type ActionOutput,
  type Envelope,
} from '../contract'
import { CallError } from './call-error'
import { newRequestId } from './request-id'
import { getToken, goLogin, needsLogin } from './session'

interface ApiEvent {
  action: string
  payload: unknown
  requestId?: string
}

/** Thrown by a transport when the request never got an answer; safe to retry with the same requestId. */
class NetworkFailure extends Error {}

let cloudReady = false

async function sendCloud(event: ApiEvent): Promise<unknown> {
  if (!cloudReady) {
    const env = process.env.TARO_APP_CLOUD_ENV
    Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
    cloudReady = true
  }
  try {
    const res = await Taro.cloud.callFunction({ name: 'api', data: { ...event } })
    return res.result
  } catch {
    throw new NetworkFailure()
  }
}

async function sendHttp(event: ApiEvent): Promise<unknown> {
  const token = getToken()
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  let res: Response
  try {
    res = await fetch('/api', { method: 'POST', headers, body: JSON.stringify(event) })
  } catch {
    throw new NetworkFailure()
  }
  try {
    return await res.json()
  } catch {
    if (res.status === 401) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '' } }
    throw res.status >= 500 ? new NetworkFailure() : CallError.badResponse()
  }
}

const send = process.env.TARO_ENV === 'weapp' ? sendCloud : sendHttp

const RETRY_DELAYS_MS = [400, 1200]
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function sendWithRetry(event: ApiEvent): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(event)
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (!(err instanceof NetworkFailure)) throw err
      if (delay === undefined) throw CallError.network()
      await sleep(delay)
    }
  }
}

/** The action map seen per action, so a generic `A` keeps its own output type. */
const outputSchemas: { [A in ActionName]: { output: z.ZodType<ActionOutput<A>, z.input<ActionMap[A]['output']>> } } =
  actions

function parseEnvelope<A extends ActionName>(action: A, raw: unknown): Envelope<ActionOutput<A>> {
  const parsed = envelopeOf(outputSchemas[action].output).safeParse(raw)
  if (!parsed.success) throw CallError.badResponse()
  return parsed.data
}

export interface CallOptions {
  /** The user intent's id; pass the same one when the user retries after a network failure. */
  requestId?: string
}

export async function call<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  opts: CallOptions = {},
): Promise<ActionOutput<A>> {
  if (needsLogin()) {
    // Never signed in (or signed out): no session ever "expired". The page is being replaced by the
    // login page, so the call stays pending instead of failing with a message nobody should read.
    goLogin({ expired: false })
    return new Promise<never>(() => undefined)
  }
  const requestId = actions[action].mutating ? (opts.requestId ?? newRequestId()) : undefined
  const raw = await sendWithRetry(requestId ? { action, payload, requestId } : { action, payload })
  const envelope = parseEnvelope(action, raw)
  if (envelope.ok) return envelope.data
  if (envelope.error.code === 'UNAUTHENTICATED') goLogin({ expired: true })
  throw CallError.fromEnvelope(envelope.error.code, envelope.error.message, envelope.error.fields)
}
