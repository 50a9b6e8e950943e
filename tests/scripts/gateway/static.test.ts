/**
 * The gateway sends the H5 build pre-compressed: brotli or gzip as the browser accepts, with the right
 * type, `Vary` and cache headers; the file itself when no variant fits. The build step writes the variants.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { startGateway, type RunningGateway } from '../../helpers/gateway'
import { tempDir } from '../../helpers/api'
import { acceptedEncodings } from '../../../scripts/gateway/variants'
import { precompressDir } from '../../../scripts/precompress'

const APP_JS = `export const greeting = ${JSON.stringify('网格通'.repeat(400))};\n`.repeat(20)
const INDEX = `<!doctype html><html><head><script src="/js/app.0123abcd.js"></script></head><body>${'<div id="app"></div>'.repeat(50)}</body></html>`
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** A raw GET (fetch would decode the body and hide what went over the wire). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

function writeBuild(): string {
  const dir = tempDir('wgt-h5-')
  fs.mkdirSync(path.join(dir, 'js'))
  fs.mkdirSync(path.join(dir, 'static'))
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX)
  fs.writeFileSync(path.join(dir, 'js/app.0123abcd.js'), APP_JS)
  fs.writeFileSync(path.join(dir, 'js/tiny.89abcdef.js'), '1')
  fs.writeFileSync(path.join(dir, 'static/tab.0a1b2c3d.png'), PNG)
  return dir
}

describe('Accept-Encoding', () => {
  test.each([
    ['gzip, deflate, br', ['br', 'gzip']],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['BR;q=0.8', ['br']],
    ['br;q=0, gzip', ['gzip']],
    ['*', ['br', 'gzip']],
    ['gzip;q=0.5, *;q=0', ['gzip']],
    ['identity', []],
    ['', []],
    [undefined, []],
  ])('%p allows %p', (header, expected) => {
    expect([...acceptedEncodings(header)]).toEqual(expected)
  })
})

describe('the build step', () => {
  test('writes brotli and gzip beside text files that shrink, and nothing else', () => {
    const dir = writeBuild()
    fs.writeFileSync(path.join(dir, 'js/gone.11111111.js.br'), 'left from an earlier build')
    const summary = precompressDir(dir)
    const js = path.join(dir, 'js/app.0123abcd.js')
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(APP_JS)
    expect(zlib.gunzipSync(fs.readFileSync(`${js}.gz`)).toString()).toBe(APP_JS)
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true)
    expect(fs.existsSync(path.join(dir, 'js/tiny.89abcdef.js.gz'))).toBe(false) // gzip of one byte is larger
    expect(fs.existsSync(path.join(dir, 'static/tab.0a1b2c3d.png.br'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'js/gone.11111111.js.br'))).toBe(false)
    expect(summary.files).toBe(3)
    expect(summary.bytes.raw).toBe(Buffer.byteLength(APP_JS) + INDEX.length + 1)
    expect(summary.bytes.br).toBeLessThan(summary.bytes.gzip)
    expect(summary.bytes.gzip).toBeLessThan(summary.bytes.raw / 10)
  })
})

describe('serving the build', () => {
  let gw: RunningGateway
  let dir: string
  beforeAll(async () => {
    dir = writeBuild()
    precompressDir(dir)
    gw = await startGateway({ h5Dir: dir })
  })
  afterAll(async () => gw.close())

  test('a browser taking brotli gets the hashed script as brotli, cached for a year', async () => {
    const res = await get(`${gw.url}/js/app.0123abcd.js`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.status).toBe(200)
    expect(res.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'br',
      vary: 'Accept-Encoding',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-length': String(res.body.length),
    })
    expect(res.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 10)
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(APP_JS)
  })

  test('a browser taking only gzip gets gzip', async () => {
    const res = await get(`${gw.url}/js/app.0123abcd.js`, { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(res.body).toString()).toBe(APP_JS)
  })

  test('a client that takes no encoding gets the file itself, still marked as varying', async () => {
    const refusals: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ]
    for (const headers of refusals) {
      const res = await get(`${gw.url}/js/app.0123abcd.js`, headers)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.body.toString()).toBe(APP_JS)
    }
  })

  test('index.html is compressed but checked again on every visit, also as the app route fallback', async () => {
    for (const route of ['/', '/index.html', '/pages/anything']) {
      const res = await get(`${gw.url}${route}`, { 'accept-encoding': 'br' })
      expect(res.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'content-encoding': 'br',
        'cache-control': 'no-cache',
      })
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(INDEX)
    }
  })

  test('files without a variant go as they are: images, and text too small to shrink', async () => {
    const png = await get(`${gw.url}/static/tab.0a1b2c3d.png`, { 'accept-encoding': 'br, gzip' })
    expect(png.headers).toMatchObject({
      'content-type': 'image/png',
      'cache-control': expect.stringContaining('immutable'),
    })
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.headers.vary).toBeUndefined()
    expect(png.body.equals(PNG)).toBe(true)
    const tiny = await get(`${gw.url}/js/tiny.89abcdef.js`, { 'accept-encoding': 'br, gzip' })
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.body.toString()).toBe('1')
  })

  test('a variant older than its file (a later build without the step) is not sent', async () => {
    const stale = path.join(dir, 'js/stale.44444444.js')
    fs.writeFileSync(stale, 'console.log("new build");'.repeat(50))
    fs.writeFileSync(`${stale}.br`, zlib.brotliCompressSync('console.log("old build");'.repeat(50)))
    const past = new Date(Date.now() - 60_000)
    fs.utimesSync(`${stale}.br`, past, past)
    const res = await get(`${gw.url}/js/stale.44444444.js`, { 'accept-encoding': 'br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toContain('new build')
  })

  test('a missing asset is 404, not the app page', async () => {
    for (const route of ['/js/app.deadbeef.js', '/favicon.ico']) {
      const res = await get(`${gw.url}${route}`, { 'accept-encoding': 'br' })
      expect(res.status).toBe(404)
      expect(res.headers['content-type']).toContain('application/json')
    }
  })

  test('HEAD answers the headers of the variant without a body', async () => {
    const res = await get(`${gw.url}/js/app.0123abcd.js`, { 'accept-encoding': 'br' }, 'HEAD')
    expect(res.headers['content-encoding']).toBe('br')
    expect(Number(res.headers['content-length'])).toBe(fs.statSync(path.join(dir, 'js/app.0123abcd.js.br')).size)
    expect(res.body.length).toBe(0)
  })
})
