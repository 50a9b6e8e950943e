import fs from 'node:fs'
import path from 'node:path'
import { login, post, startGateway, type RunningGateway } from '../../helpers/gateway'
import { createTokenSigner } from '../../../scripts/gateway/tokens'
import { tempDir } from '../../helpers/api'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../scripts/seed/demo'

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

function upload(url: string, token: string, bytes: Buffer, type: string, name = 'a.png') {
  const form = new FormData()
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
