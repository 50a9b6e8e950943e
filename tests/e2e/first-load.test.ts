/**
 * First load: a new visitor (empty cache, no session) opens the app's address on a slow phone network
 * and lands on the login page. Prints requests, bytes on the wire and unpacked, first contentful paint
 * and when the picker shows, and holds them to issue 10's goals. The visitor never logged in, so no
 * "登录已失效" may flash on the way.
 */
import type { Browser, CDPSession, Page } from 'playwright-core'
import { launchBrowser, phonePage, shot, startGatewayProcess, type Gateway } from './browser'

/** Lighthouse's slow-4G phone network: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}
const GOAL_TRANSFER_BYTES = 250 * 1024
const GOAL_FIRST_CONTENT_MS = 2000
/** Emulated throttling is deterministic, but a busy 2-core machine adds CPU time on top of it. */
const TIME_MARGIN = 1.5

let gateway: Gateway
let browser: Browser

beforeAll(async () => {
  gateway = await startGatewayProcess()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await gateway?.stop()
})

interface Traffic {
  requests: number
  transferred: number
  unpacked: number
  encodings: Map<string, string>
}

/** Counts every request of the page through the DevTools protocol: wire bytes and decoded bytes. */
async function watchTraffic(cdp: CDPSession): Promise<Traffic> {
  const traffic: Traffic = { requests: 0, transferred: 0, unpacked: 0, encodings: new Map() }
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('data:')) traffic.requests++ // inlined tab icons never touch the network
  })
  cdp.on('Network.responseReceived', (e) => {
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')
    traffic.encodings.set(e.response.url, String(encoding?.[1] ?? 'identity'))
  })
  cdp.on('Network.dataReceived', (e) => (traffic.unpacked += e.dataLength))
  cdp.on('Network.loadingFinished', (e) => (traffic.transferred += e.encodedDataLength))
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', NETWORK)
  return traffic
}

/** Records in the page whether a text ever appeared, however briefly (a toast or a status line). */
async function watchForText(page: Page, text: string): Promise<() => Promise<boolean>> {
  await page.addInitScript((needle) => {
    const w = window as unknown as { __sawText?: boolean }
    w.__sawText = false
    new MutationObserver(() => {
      if (document.documentElement.textContent?.includes(needle)) w.__sawText = true
    }).observe(document, { childList: true, subtree: true, characterData: true })
  }, text)
  return async () => (await page.evaluate(() => (window as unknown as { __sawText?: boolean }).__sawText)) === true
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)

test('a first visit on a slow phone network loads the login page compressed, light and fast', async () => {
  const page = await phonePage(browser)
  const cdp = await page.context().newCDPSession(page)
  const traffic = await watchTraffic(cdp)
  const sawExpired = await watchForText(page, '登录已失效')

  await page.goto(gateway.url)
  // performance.now() counts from the navigation's start, as the paint entries do.
  const shown = await page.waitForFunction(
    () => {
      const card = document.querySelector('#login-resident')
      return card && card.getBoundingClientRect().height > 0 ? performance.now() : 0
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  )
  const contentAt = await shown.jsonValue()
  await page.waitForLoadState('networkidle')
  const fcp = await page.evaluate(
    () => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? -1,
  )
  await shot(page, 'first-load-login')

  const text = Array.from(traffic.encodings.entries())
    .filter(([url]) => /\.(js|css|html)$|\/$/.test(new URL(url).pathname))
    .filter(([, encoding]) => encoding === 'identity')
    .map(([url]) => new URL(url).pathname)
  process.stdout.write(
    `first load: ${traffic.requests} requests, ${kb(traffic.transferred)} KB transferred, ` +
      `${kb(traffic.unpacked)} KB uncompressed, first contentful paint ${Math.round(fcp)} ms, ` +
      `login picker visible ${Math.round(contentAt)} ms (1.6 Mbps / 750 kbps / 150 ms)\n`,
  )

  expect(await sawExpired()).toBe(false)
  expect(text).toEqual([]) // every script, style sheet and page arrived compressed
  expect(traffic.transferred).toBeLessThan(GOAL_TRANSFER_BYTES)
  expect(fcp).toBeGreaterThan(0)
  expect(fcp).toBeLessThan(GOAL_FIRST_CONTENT_MS * TIME_MARGIN)
  expect(contentAt).toBeLessThan(GOAL_FIRST_CONTENT_MS * TIME_MARGIN)
})

test('a visitor who never signed in goes from any page to the login page silently; an expired session is told', async () => {
  for (const path of ['/#/pages/lostfound/index', '/#/packages/credit/pages/home/index', '/#/pages/me/index']) {
    const page = await phonePage(browser)
    const sawExpired = await watchForText(page, '登录已失效')
    await page.goto(`${gateway.url}${path}`)
    await page.locator('#login-resident').waitFor({ timeout: 30_000 })
    expect({ path, sawExpired: await sawExpired() }).toEqual({ path, sawExpired: false })
    await page.context().close()
  }
  // The server refuses a stored token: that session did expire, and the login page says so.
  const stale = await phonePage(browser, { token: 'a-token-from-long-ago' })
  await stale.goto(gateway.url)
  await stale.locator('#login-resident').waitFor({ timeout: 30_000 })
  await stale.getByText('登录已失效，请重新登录').waitFor({ timeout: 5_000 })
})
