/** The local gateway's demo login (H5 built with TARO_APP_LOCAL=1 only). */
import { z } from 'zod'
import { FailureSchema } from '../contract'
import { CallError } from './call-error'
import { setToken } from './session'

const PersonSchema = z.object({
  key: z.string(),
  name: z.string(),
  roleLabel: z.string(),
  gridName: z.string().nullable(),
})
export type DemoPerson = z.infer<typeof PersonSchema>

const PeopleEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.array(PersonSchema) }),
  FailureSchema,
])
const LoginEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.object({ token: z.string().min(1), expiresAt: z.number() }) }),
  FailureSchema,
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
