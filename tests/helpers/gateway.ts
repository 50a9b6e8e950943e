import type { AddressInfo } from 'node:net'
import { createGateway } from '../../scripts/gateway/server'
import { createTokenSigner } from '../../scripts/gateway/tokens'
import { createTestApi, type TestApi } from './api'

export interface RunningGateway {
  url: string
  api: TestApi
  secret: Buffer
  close(): Promise<void>
}

export async function startGateway(
  opts: { mode?: 'local' | 'production'; h5Dir?: string | null } = {},
): Promise<RunningGateway> {
  const api = await createTestApi({ seed: true })
  const secret = Buffer.from('test-secret-test-secret-test-secret')
  const server = createGateway({
    api,
    tokens: createTokenSigner(secret),
    mode: opts.mode ?? 'local',
    h5Dir: opts.h5Dir ?? null,
    uploadDir: api.uploadDir,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    secret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export async function login(url: string, key: string): Promise<string> {
  const res = await fetch(`${url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  })
  const body = (await res.json()) as { ok: boolean; data: { token: string } }
  if (!body.ok) throw new Error('login failed')
  return body.data.token
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any envelope's data
export async function post(url: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}
