/**
 * Stories 3 and 5 in the browser: a rider snaps a zombie car inside a grid → the grid worker's 待办 →
 * accept → transfer to 创城 → the 创城 officer resolves with an after-photo → the rider sees the
 * timeline and rates 满意. Then an overdue order escalates and shows as 督办 for the community admin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, shot, startGatewayProcess, type Gateway } from './browser'

// The browser reports WGS-84; this is GCJ-02 (35.4021, 116.5806) in 南张社区第一网格 after conversion.
const AT_NZ01 = { latitude: 35.4025496, longitude: 116.5753021 }
// A real 8×8 PNG (red), enough for the browser to decode, compress and upload.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
)

let gateway: Gateway
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  gateway = await startGatewayProcess({ DEV_CLOCK: '1' })
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await gateway?.stop()
})

async function personPage(key: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    geolocation: AT_NZ01,
    permissions: ['geolocation'],
  })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${gateway.url}/#/pages/login/index`)
  await page.locator(`#login-${key}`).click()
  await page.waitForURL(/pages\/index\/index/)
  await page.locator('.home__greet').waitFor() // 首页 rendered: later URL navigation will not be undone by switchTab
  return page
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${gateway.url}/#${path}`)
}

async function attachPhoto(page: Page, trigger: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator(trigger).click()
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG })
  await page.locator('.photo-picker__img').first().waitFor()
}

let orderId = ''

test('a rider snaps a zombie car: three taps after the photo, and it lands in 南张社区第一网格', async () => {
  const rider = await personPage('rider')
  await rider.getByText('随手拍', { exact: true }).last().click()
  await rider.locator('#snap-location').waitFor()
  await attachPhoto(rider, '#snap-photo')
  await rider.getByText('将送达：南张社区第一网格').waitFor()
  await rider.locator('#cat-cat_traffic').click()
  await rider.locator('#snap-text textarea, textarea#snap-text').first().fill('3号楼东侧僵尸车占道，轮胎都瘪了')
  await shot(rider, 'orders-01-snap')
  await rider.locator('#snap-submit').click()
  await rider.locator('#order-category').waitFor({ timeout: 20_000 })
  orderId = new URL(rider.url().replace('/#/', '/')).searchParams.get('id') ?? ''
  expect(orderId).toMatch(/^od_/)
  expect(await rider.locator('#order-place').innerText()).toContain('南张社区第一网格')
  await shot(rider, 'orders-02-submitted')
})

test('the grid worker finds it in 待办, accepts, and transfers it to 创城', async () => {
  const worker = await personPage('grid_worker')
  await open(worker, '/packages/orders/pages/inbox/index')
  await worker.locator(`#order-${orderId}`).click()
  await worker.locator('#act-accept').click()
  await worker.locator('#act-transfer').waitFor()
  await worker.locator('#act-transfer').click()
  await worker.locator('#target-dept-dp_chuangcheng').click()
  await worker.locator('#form-text textarea, textarea#form-text').first().fill('需创城办协调物业拖车')
  await worker.locator('#form-submit').click()
  await worker.getByText('办理单位：创城').waitFor()
  await shot(worker, 'orders-03-transferred')
})

test('the 创城 officer accepts and resolves with an after-photo', async () => {
  const officer = await personPage('civic_officer')
  await open(officer, '/packages/orders/pages/inbox/index')
  await officer.locator(`#order-${orderId}`).click()
  await officer.locator('#act-accept').click()
  await officer.locator('#act-resolve').click()
  await attachPhoto(officer, '#resolve-photo')
  await officer.locator('#form-text textarea, textarea#form-text').first().fill('已协调物业将车辆拖离')
  await officer.locator('#form-submit').click()
  await officer.locator('.state-tag', { hasText: '待评价' }).waitFor()
  await shot(officer, 'orders-04-resolved')
})

test('the rider sees every step and rates 满意', async () => {
  const rider = await personPage('rider')
  await open(rider, `/packages/orders/pages/detail/index?id=${orderId}`)
  const timeline = rider.locator('#order-timeline')
  await timeline.waitFor()
  for (const step of ['提交', '派单', '接单', '转派', '办结反馈']) expect(await timeline.innerText()).toContain(step)
  expect(await timeline.locator('.timeline__photo').count()).toBe(2) // the snap, and the after-photo
  await shot(rider, 'orders-05-timeline')
  await rider.locator('#act-rate').click()
  await rider.locator('#rate-satisfied').click()
  await rider.locator('.state-tag', { hasText: '已办结' }).waitFor()
  expect(await timeline.innerText()).toContain('满意')
  await shot(rider, 'orders-06-rated')
})

test('an order nobody accepts escalates after its deadline and shows as 督办 for the community admin', async () => {
  const rider = await personPage('rider')
  await rider.getByText('随手拍', { exact: true }).last().click()
  await rider.locator('#snap-location').waitFor()
  await rider.locator('#cat-cat_hygiene').click()
  await rider.locator('#snap-text textarea, textarea#snap-text').first().fill('垃圾桶满溢无人清运')
  await rider.locator('#snap-submit').click()
  await rider.locator('#order-category').waitFor({ timeout: 20_000 })
  const lateId = new URL(rider.url().replace('/#/', '/')).searchParams.get('id') ?? ''

  const admin = await personPage('community_admin')
  await open(admin, '/packages/orders/pages/overdue/index')
  await admin.locator('#orders-empty').waitFor()
  // 环境卫生 must be accepted within 2 hours: move the gateway's clock 3 hours on and run the tick.
  const res = await fetch(`${gateway.url}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: 3 * 3600_000 }),
  })
  expect(((await res.json()) as { data: { tick: { escalated: number } } }).data.tick.escalated).toBeGreaterThanOrEqual(
    1,
  )
  await admin.reload()
  const row = admin.locator(`#order-${lateId}`)
  await row.waitFor()
  expect(await row.innerText()).toContain('督办')
  expect(await row.innerText()).toContain('超期')
  await shot(admin, 'orders-07-overdue')
  await row.click()
  await admin.locator('#act-remind').click()
  await admin.locator('#form-submit').click()
  await admin.locator('#order-timeline').getByText('督办提醒').waitFor()
})
