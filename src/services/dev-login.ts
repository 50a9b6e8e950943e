/**
 * The local gateway's demo login (H5 built with TARO_APP_LOCAL=1 only). The login page is the first
 * page a visitor loads, so its answers are parsed with zod/mini and the contract's error codes alone,
 * not the contract's schemas (measured: classic zod and the schemas were ~40 KB of its ~180 KB).
 */
import * as z from 'zod/mini'
import { ERROR_CODES } from '../contract'
import { CallError } from './call-error'
import { setToken } from './session'

const PersonSchema = z.object({
  key: z.string(),
  name: z.string(),
  roleLabel: z.string(),
  gridName: z.nullable(z.string()),
})
export type DemoPerson = z.infer<typeof PersonSchema>

/** The gateway's failure envelope, read only as far as the code and its message. */
const Failure = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
})

const PeopleEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.array(PersonSchema) }),
  Failure,
])
const LoginEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.object({ token: z.string().check(z.minLength(1)), expiresAt: z.number() }) }),
  Failure,
])

async function request(url: string, init?: RequestInit): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, init)
  } catch {
    throw CallError.network()
  }
  try {
    return await res.json()
  } catch {
    throw CallError.badResponse()
  }
}

export async function listDemoPeople(): Promise<DemoPerson[]> {
  const parsed = PeopleEnvelope.safeParse(await request('/dev/people'))
  if (!parsed.success) throw CallError.badResponse()
  if (!parsed.data.ok) throw CallError.fromEnvelope(parsed.data.error.code, parsed.data.error.message)
  return parsed.data.data
}

export async function loginAs(key: string): Promise<void> {
  const body = JSON.stringify({ key })
  const parsed = LoginEnvelope.safeParse(
    await request('/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
  )
  if (!parsed.success) throw CallError.badResponse()
  if (!parsed.data.ok) throw CallError.fromEnvelope(parsed.data.error.code, parsed.data.error.message)
  setToken(parsed.data.data.token)
}
