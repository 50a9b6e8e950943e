/**
 * The first visit on a slow phone network (issue 10): a fresh browser with an empty cache opens the app, which
 * lands on the login page, over an emulated 1.6 Mbps / 150 ms link. Prints requests, bytes on the wire and
 * uncompressed, and when the first content and the login page's people appeared; holds the goals (under
 * 250 KB transferred, first content under 2 s on that link).
 */
import { useGatewayAndBrowser } from './browser'

const GOAL_BYTES = 250 * 1024
const GOAL_FCP_MS = 2000

const e2e = useGatewayAndBrowser()

interface Load {
  requests: number
  transferred: number
  decoded: number
  fcp: number
  loginShown: number
  encodings: string[]
}

async function firstVisit(acceptEncoding?: string): Promise<Load> {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } })
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1000 * 1000) / 8,
    uploadThroughput: (750 * 1000) / 8,
  })
  let requests = 0
  let transferred = 0
  let decoded = 0
  const encodings = new Set<string>()
  const lengths = new Map<string, number>()
  cdp.on('Network.requestWillBeSent', () => requests++)
  cdp.on('Network.responseReceived', (e) => {
    const headers = e.response.headers as Record<string, string>
    const encoding = headers['content-encoding'] ?? headers['Content-Encoding']
    if (encoding) encodings.add(encoding)
    lengths.set(e.requestId, Number(headers['content-length'] ?? headers['Content-Length'] ?? 0))
  })
  cdp.on('Network.dataReceived', (e) => (decoded += e.dataLength))
  cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength))
  const start = Date.now()
  await page.goto(`${e2e.gateway.url}/`)
  await page.locator('.login').first().waitFor({ timeout: 60_000 })
  const loginShown = Date.now() - start
  // Let the last requests finish before counting.
  await page.waitForLoadState('networkidle')
  const fcp = await page.evaluate(
    () => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? -1,
  )
  await context.close()
  return { requests, transferred, decoded, fcp, loginShown, encodings: [...encodings] }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const line = (label: string, load: Load) =>
  `first load ${label} (login page, empty cache, 1.6 Mbps / 150 ms): ${load.requests} requests, ${kb(load.transferred)} transferred, ` +
  `${kb(load.decoded)} uncompressed, first contentful paint ${Math.round(load.fcp)} ms, login page shown at ${load.loginShown} ms, ` +
  `encodings: ${load.encodings.join(', ') || 'none'}\n`

test('the first visit moves under 250 KB and shows content within 2 s on a 1.6 Mbps / 150 ms phone network', async () => {
  const load = await firstVisit()
  process.stdout.write(line('(brotli)', load))
  expect(load.encodings).toEqual(['br'])
  expect(load.transferred).toBeLessThan(GOAL_BYTES)
  expect(load.fcp).toBeGreaterThan(0)
  expect(load.fcp).toBeLessThan(GOAL_FCP_MS)
})

test('a browser that takes only gzip gets the gzip copies, also under 250 KB', async () => {
  const load = await firstVisit('gzip')
  process.stdout.write(line('(gzip only)', load))
  expect(load.encodings).toEqual(['gzip'])
  expect(load.transferred).toBeLessThan(GOAL_BYTES)
})
