import fs from 'node:fs'
import path from 'node:path'
import { login, post, startGateway, type RunningGateway } from '../../helpers/gateway'
import { createTokenSigner } from '../../../scripts/gateway/tokens'
import { tempDir } from '../../helpers/api'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../scripts/seed/demo'
import { createGateway } from '../../../scripts/gateway/server'
import { createTestApi, T0, type TestApi } from '../../helpers/api'
import { loadFile } from '../../../cloudfunctions/api/modules/files/records'
import { createLocalContentCheck } from '../../../cloudfunctions/api/platform/content-check'
import type { AddressInfo } from 'node:net'

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

function upload(url: string, token: string, bytes: Buffer, type: string, name = 'a.png', purpose?: string) {
  const form = new FormData()
  if (purpose) form.append('purpose', purpose)
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  return fetch(`${url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
}

describe('local gateway over real HTTP', () => {
  let gw: RunningGateway
  let token: string
  beforeAll(async () => {
    gw = await startGateway()
    token = await login(gw.url, 'resident')
  })
  afterAll(async () => gw.close())

  test('a signed-in demo resident gets their own profile', async () => {
    const res = await post(gw.url, { action: 'me.get', payload: {} }, token)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true, data: { nickname: '张桂英', homeGrid: { name: '南张社区第一网格' } } })
  })

  test('malformed JSON is VALIDATION and changes nothing', async () => {
    const res = await post(gw.url, '{"action": "me.update", "payload": {', token)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  test('a body that is not JSON is refused', async () => {
    const res = await fetch(`${gw.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  test('a body over 1 MB is HTTP 413 with the envelope', async () => {
    const res = await post(
      gw.url,
      { action: 'me.update', payload: { nickname: 'x'.repeat(1024 * 1024 + 10) }, requestId: 'big-body-0001' },
      token,
    )
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/1 MB/) },
    })
  })

  test('no token, a forged token and an expired token are all UNAUTHENTICATED', async () => {
    expect((await post(gw.url, { action: 'me.get' })).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    const forged = createTokenSigner(Buffer.from('another-secret')).sign(demoOpenId('street_admin'), Date.now()).token
    expect((await post(gw.url, { action: 'me.get' }, forged)).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    const expired = createTokenSigner(gw.secret, 1000).sign(demoOpenId('resident'), gw.api.clock.now() - 5000).token
    expect((await post(gw.url, { action: 'me.get' }, expired)).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    // A genuine signature on a rewritten payload (another person, far expiry) must not pass.
    const sig = token.split('.')[1] ?? ''
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const tampered = `${Buffer.from(JSON.stringify({ sub: demoOpenId('street_admin'), exp: 9e15 })).toString('base64url')}.${sig}`
    expect((await post(gw.url, { action: 'me.get' }, tampered)).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  test('an unknown demo person cannot log in', async () => {
    const res = await fetch(`${gw.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'mayor' }),
    })
    expect(res.status).toBe(400)
  })

  test('20 concurrent HTTP retries of one requestId give one effect', async () => {
    const before = Number((await gw.api.deps.store.get('users', userIdFor(demoOpenId('resident'))))?.version)
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(gw.url, { action: 'me.update', payload: { nickname: '网关并发' }, requestId: 'http-retry-0001' }, token),
      ),
    )
    expect(results.every((r) => r.body.ok)).toBe(true)
    expect(Number((await gw.api.deps.store.get('users', userIdFor(demoOpenId('resident'))))?.version)).toBe(before + 1)
  })

  test('an image upload is stored under its owner and served back', async () => {
    const res = await upload(gw.url, token, PNG_1x1, 'image/png')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: true; data: { fileId: string; url: string } }
    expect(body.data.fileId).toMatch(new RegExp(`^local:${userIdFor(demoOpenId('resident'))}/`))
    const served = await fetch(`${gw.url}${body.data.url}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1x1)).toBe(true)
    const me = await post(
      gw.url,
      { action: 'me.update', payload: { avatarFileId: body.data.fileId }, requestId: 'avatar-http-01' },
      token,
    )
    expect(me.body).toMatchObject({ ok: true, data: { avatarUrl: body.data.url } })
  })

  test('an upload goes through registration: the files record holds owner, type, size, purpose and the check', async () => {
    const res = await upload(gw.url, token, PNG_1x1, 'image/png', 'me.png', 'avatar')
    const body = (await res.json()) as { ok: true; data: { fileId: string } }
    const owner = userIdFor(demoOpenId('resident'))
    expect(body).toEqual({
      ok: true,
      data: {
        fileId: body.data.fileId,
        url: `/uploads/${body.data.fileId.slice('local:'.length)}`,
        mime: 'image/png',
        size: PNG_1x1.length,
        check: 'pass',
      },
    })
    expect(await loadFile(gw.api.deps, body.data.fileId)).toMatchObject({
      ownerId: owner,
      mime: 'image/png',
      size: PNG_1x1.length,
      purpose: 'avatar',
      check: { status: 'pass', provider: 'local', reason: null, traceId: null },
    })
  })

  test('a real image sent without a declared type is stored as what its bytes are', async () => {
    const res = await upload(gw.url, token, PNG_1x1, 'application/octet-stream', 'blob')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      ok: true,
      data: { fileId: expect.stringMatching(/\.png$/), mime: 'image/png' },
    })
  })

  test('health, and the wrong method on /api and /upload', async () => {
    expect(await (await fetch(`${gw.url}/healthz`)).json()).toEqual({ ok: true, data: { mode: 'local' } })
    const get = await fetch(`${gw.url}/api`)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect((await fetch(`${gw.url}/upload`)).status).toBe(405)
  })

  test('a file that is not an image, or claims the wrong type, is refused', async () => {
    expect((await upload(gw.url, token, Buffer.from('#!/bin/sh\nrm -rf /'), 'image/png')).status).toBe(400)
    expect((await upload(gw.url, token, Buffer.from('%PDF-1.4'), 'application/pdf', 'a.pdf')).status).toBe(400)
    const jpegHeader = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)])
    expect((await upload(gw.url, token, jpegHeader, 'image/png')).status).toBe(400)
  })

  test('an image over 2 MB is refused with 413', async () => {
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(2 * 1024 * 1024 + 1)])
    const res = await upload(gw.url, token, big, 'image/png')
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } })
  })

  test('uploads need a signed-in user', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(PNG_1x1)], { type: 'image/png' }), 'a.png')
    expect((await fetch(`${gw.url}/upload`, { method: 'POST', body: form })).status).toBe(401)
  })
})

describe('gateway static files', () => {
  test('serves the H5 build and never a file outside it', async () => {
    const dir = tempDir('wgt-h5-')
    fs.writeFileSync(path.join(dir, 'index.html'), '<div id="app"></div>')
    fs.writeFileSync(path.join(path.dirname(dir), 'outside-secret.txt'), 'secret')
    const gw = await startGateway({ h5Dir: dir })
    try {
      expect(await (await fetch(`${gw.url}/`)).text()).toContain('id="app"')
      for (const probe of [
        '/..%2foutside-secret.txt',
        '/%2e%2e/outside-secret.txt',
        '/uploads/..%2f..%2foutside-secret.txt',
      ]) {
        expect(await (await fetch(`${gw.url}${probe}`)).text()).not.toContain('secret')
      }
    } finally {
      await gw.close()
    }
  })
})

describe('gateway in production mode', () => {
  test('refuses dev login and ignores dev tokens', async () => {
    const gw = await startGateway({ mode: 'production' })
    try {
      const res = await fetch(`${gw.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'resident' }),
      })
      expect(res.status).toBe(404)
      expect((await fetch(`${gw.url}/dev/people`)).status).toBe(404)
      const token = createTokenSigner(gw.secret).sign(demoOpenId('resident'), gw.api.clock.now()).token
      expect((await post(gw.url, { action: 'me.get' }, token)).body).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
    } finally {
      await gw.close()
    }
  })
})

describe('dev clock for local E2E', () => {
  test('is absent unless the gateway was started with it', async () => {
    const gw = await startGateway()
    try {
      const res = await fetch(`${gw.url}/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"advanceMs":1000}',
      })
      expect(res.status).toBe(404)
    } finally {
      await gw.close()
    }
  })
})

/** A gateway over an api built here (the shared helper has no overrides or dev clock). */
async function serveApi(api: TestApi, devClock: { advance(ms: number): void } | null = null) {
  const server = createGateway({
    api,
    tokens: createTokenSigner(Buffer.from('test-secret-test-secret-test-secret')),
    mode: 'local',
    h5Dir: null,
    uploadDir: api.uploadDir,
    devClock,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

describe('gateway uploads and the image check', () => {
  test('an image the check rejects is CONTENT_REJECTED, recorded as rejected, and its bytes are gone', async () => {
    const api = await createTestApi({
      seed: true,
      overrides: {
        contentCheck: {
          ...createLocalContentCheck(),
          image: async () => ({ status: 'reject', provider: 'local', reason: 'test_reject' }),
        },
      },
    })
    const gw = await serveApi(api)
    try {
      const res = await upload(gw.url, await login(gw.url, 'rider'), PNG_1x1, 'image/png')
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'CONTENT_REJECTED', message: '图片未通过内容安全审核，请更换后重试' },
      })
      const owner = userIdFor(demoOpenId('rider'))
      const records = await api.deps.store.find('files', { where: { ownerId: owner }, limit: 5 })
      expect(records.items).toEqual([
        expect.objectContaining({
          check: { status: 'reject', provider: 'local', reason: 'test_reject', traceId: null, checkedAt: T0 },
        }),
      ])
      expect(fs.readdirSync(path.join(api.uploadDir, owner))).toEqual([])
    } finally {
      await gw.close()
    }
  })
})

describe('dev endpoints in local mode', () => {
  test('the people picker lists demo people with their grid', async () => {
    const gw = await serveApi(await createTestApi({ seed: true }))
    try {
      const body = (await (await fetch(`${gw.url}/dev/people`)).json()) as { data: { key: string }[] }
      expect(body.data).toContainEqual({
        key: 'resident',
        name: '张桂英',
        roleLabel: expect.any(String),
        gridName: '南张社区第一网格',
      })
    } finally {
      await gw.close()
    }
  })

  test('the dev clock moves the clock, runs the tick, and refuses a bad body', async () => {
    const api = await createTestApi({ seed: true })
    const gw = await serveApi(api, api.clock)
    const clock = (body: string) =>
      fetch(`${gw.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    try {
      const res = await clock('{"advanceMs":3600000}')
      expect(res.status).toBe(200)
      const counts = { expiredRequests: 0, escalated: 0, autoClosed: 0, expiredDocuments: 0, oldJobRuns: 0 }
      const tick = { startedAt: T0 + 3_600_000, finishedAt: T0 + 3_600_000, counts, failed: [] }
      expect(await res.json()).toMatchObject({ ok: true, data: { now: T0 + 3_600_000, tick } })
      for (const bad of ['{"advanceMs":-1}', 'not json', '{}']) {
        const refused = await clock(bad)
        expect(refused.status).toBe(400)
        expect(await refused.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '参数不正确' } })
      }
      expect(api.clock.now()).toBe(T0 + 3_600_000)
    } finally {
      await gw.close()
    }
  })
})
