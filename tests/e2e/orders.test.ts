/**
 * Stories 3 and 5 in the browser: a rider snaps a zombie car inside a grid → the grid worker's 待办 →
 * accept → transfer to 创城 → the 创城 officer resolves with an after-photo → the rider sees the timeline
 * and rates 满意. Then an overdue order escalates and shows as 督办 for the community admin. Each test
 * files its own order through the gateway's API and plays only its own step in the browser.
 */
import type { Page } from 'playwright-core'
import { shot, useGatewayAndBrowser } from './browser'
import { PNG, field, signIn, type Person } from './people'

// The browser reports WGS-84; this is GCJ-02 (35.4021, 116.5806) in 南张社区第一网格 after conversion.
const AT_NZ01 = { latitude: 35.4025496, longitude: 116.5753021 }
const AT_NZ01_GCJ = { lat: 35.4021, lng: 116.5806 }
// Also in 南张社区第一网格, but about 230 m from the browser's spot: no 附近已有相同问题 sheet for the snaps above.
const ELSEWHERE_IN_NZ01 = { lat: 35.4005, lng: 116.579 }

const e2e = useGatewayAndBrowser({ DEV_CLOCK: '1' })

async function attachPhoto(page: Page, trigger: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator(trigger).click()
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG })
  await page.locator('.photo-picker__img').first().waitFor()
}

/** The rider's snap of a zombie car in 南张社区第一网格, with a photo. */
async function riderSnaps(): Promise<{ rider: Person; orderId: string }> {
  const rider = await signIn(e2e.gateway, 'rider')
  const order = await rider.call('orders.create', {
    source: 'snap',
    categoryId: 'cat_traffic',
    text: '3号楼东侧僵尸车占道，轮胎都瘪了',
    photos: [await rider.upload()],
    location: ELSEWHERE_IN_NZ01,
  })
  return { rider, orderId: order.id }
}

/** The grid worker accepts the order and hands it to the 创城 office. */
async function workerTransfers(orderId: string): Promise<void> {
  const worker = await signIn(e2e.gateway, 'grid_worker')
  await worker.call('orders.act', { orderId, event: { type: 'accept' } })
  await worker.call('orders.act', {
    orderId,
    event: { type: 'transfer', departmentId: 'dp_chuangcheng', reason: '需创城办协调物业拖车' },
  })
}

/** The 创城 officer accepts it and reports it resolved with an after-photo. */
async function officerResolves(orderId: string): Promise<void> {
  const officer = await signIn(e2e.gateway, 'civic_officer')
  await officer.call('orders.act', { orderId, event: { type: 'accept' } })
  const photo = await officer.upload()
  await officer.call('orders.act', {
    orderId,
    event: { type: 'resolve', note: '已协调物业将车辆拖离', photos: [photo] },
  })
}

const detail = (orderId: string) => `/packages/orders/pages/detail/index?id=${orderId}`
const orderIdOf = (page: Page) => new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''

test('a rider snaps a zombie car: three taps after the photo, and it lands in 南张社区第一网格', async () => {
  const rider = await signIn(e2e.gateway, 'rider')
  const page = await rider.open(e2e.browser, '/pages/snap/index', { geolocation: AT_NZ01 })
  await page.locator('#snap-location').waitFor()
  await attachPhoto(page, '#snap-photo')
  await page.getByText('将送达：南张社区第一网格').waitFor()
  await page.locator('#snap-submit').click()
  await page.locator('#category-error').filter({ hasText: '请选择问题分类' }).waitFor()
  await page.locator('#cat-cat_traffic').click()
  await field(page, 'snap-text').fill('3号楼东侧僵尸车占道，轮胎都瘪了')
  await shot(page, 'orders-01-snap')
  await page.locator('#snap-submit').click()
  await page.locator('#order-category').waitFor({ timeout: 20_000 })
  expect(orderIdOf(page)).toMatch(/^od_/)
  await page.locator('#order-place').filter({ hasText: '南张社区第一网格' }).waitFor()
  await shot(page, 'orders-02-submitted')
})

test('a resident snapping the same problem nearby joins the existing report with 我也遇到', async () => {
  const rider = await signIn(e2e.gateway, 'rider')
  const first = await rider.call('orders.create', {
    source: 'snap',
    categoryId: 'cat_civil',
    text: '小区门口乱贴小广告',
    location: AT_NZ01_GCJ,
  })
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/snap/index', { geolocation: AT_NZ01 })
  await page.locator('#snap-location').waitFor()
  await page.locator('#cat-cat_civil').click()
  await field(page, 'snap-text').fill('门口电线杆上贴满了小广告')
  await page.locator('#snap-submit').click()
  await page.locator('#dup-sheet').getByText('小区门口乱贴小广告').waitFor()
  await shot(page, 'orders-01b-duplicate')
  await page.locator(`#dup-metoo-${first.id}`).click()
  await page.locator('#order-timeline').getByText('我也遇到').waitFor({ timeout: 15_000 })
  expect(orderIdOf(page)).toBe(first.id)
})

test('the grid worker finds it in 待办, accepts, and transfers it to 创城', async () => {
  const { orderId } = await riderSnaps()
  const worker = await signIn(e2e.gateway, 'grid_worker')
  const page = await worker.open(e2e.browser, '/packages/orders/pages/inbox/index')
  await page.locator('#filter-dispatched').click()
  await page.locator(`#order-${orderId}`).click()
  await page.locator('#act-accept').click()
  await page.locator('#act-transfer').click()
  await page.locator('#form-submit').click()
  await page.locator('#form-text-error').filter({ hasText: '请填写转派理由' }).waitFor()
  await page.locator('#target-dept-dp_chuangcheng').click()
  await field(page, 'form-text').fill('需创城办协调物业拖车')
  await page.locator('#form-submit').click()
  await page.locator('#order-place').filter({ hasText: '办理单位：创城' }).waitFor()
  await shot(page, 'orders-03-transferred')

  // Back in 待办 the order has left the grid's queue; 已转派 lists it, and the category filter narrows the list.
  const inbox = await worker.open(e2e.browser, '/packages/orders/pages/inbox/index')
  await inbox.locator('#order-od_demo_roof').waitFor()
  expect(await inbox.locator(`#order-${orderId}`).count()).toBe(0)
  await inbox.locator('#filter-cat-cat_hygiene').click()
  await inbox.locator('#order-od_demo_roof').waitFor({ state: 'detached' })
  await inbox.locator('#filter-cat-cat_traffic').click()
  await inbox.locator('#queue-transferred').click()
  await inbox.locator(`#order-${orderId}`).waitFor()
  await shot(inbox, 'orders-03b-transferred-queue')
})

test('the 创城 officer accepts and resolves with an after-photo', async () => {
  const { orderId } = await riderSnaps()
  await workerTransfers(orderId)
  const officer = await signIn(e2e.gateway, 'civic_officer')
  const page = await officer.open(e2e.browser, '/packages/orders/pages/inbox/index')
  await page.locator(`#order-${orderId}`).click()
  await page.locator('#act-accept').click()
  await page.locator('#act-resolve').click()
  await attachPhoto(page, '#resolve-photo')
  await field(page, 'form-text').fill('已协调物业将车辆拖离')
  await page.locator('#form-submit').click()
  await page.locator('.order-detail__head').getByText('待评价').waitFor()
  await shot(page, 'orders-04-resolved')
})

test('the rider sees every step and rates 满意', async () => {
  const { rider, orderId } = await riderSnaps()
  await workerTransfers(orderId)
  await officerResolves(orderId)
  const page = await rider.open(e2e.browser, detail(orderId))
  const timeline = page.locator('#order-timeline')
  await timeline.getByText('办结反馈').waitFor()
  for (const step of ['提交', '派单', '接单', '转派']) expect(await timeline.innerText()).toContain(step)
  await timeline.locator('.timeline__photo').nth(1).waitFor() // the snap, and the after-photo
  expect(await timeline.locator('.timeline__photo').count()).toBe(2)
  await shot(page, 'orders-05-timeline')
  await page.locator('#act-rate').click()
  await page.locator('#rate-satisfied').click()
  await page.locator('.order-detail__head').getByText('已办结').waitFor()
  expect(await timeline.innerText()).toContain('满意')
  await shot(page, 'orders-06-rated')
})

test('an order nobody accepts escalates after its deadline and shows as 督办 for the community admin', async () => {
  const rider = await signIn(e2e.gateway, 'rider')
  const late = await rider.call('orders.create', {
    source: 'snap',
    categoryId: 'cat_hygiene',
    text: '垃圾桶满溢无人清运',
    location: ELSEWHERE_IN_NZ01,
  })
  const admin = await signIn(e2e.gateway, 'community_admin')
  const page = await admin.open(e2e.browser, '/packages/orders/pages/overdue/index')
  await page.locator('#orders-empty').waitFor()
  // 环境卫生 must be accepted within 2 hours: move the gateway's clock 3 hours on and run the tick.
  const res = await fetch(`${e2e.gateway.url}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: 3 * 3600_000 }),
  })
  expect(res.ok).toBe(true)
  await page.reload()
  const row = page.locator(`#order-${late.id}`)
  await row.filter({ hasText: '督办' }).filter({ hasText: '超期' }).waitFor()
  await shot(page, 'orders-07-overdue')
  await row.click()
  await page.locator('#act-remind').click()
  await page.locator('#form-submit').click()
  await page.locator('#order-timeline').getByText('督办提醒').waitFor()
})

test('staff read the numbers a reporter typed masked, reveal one (recorded), and another street cannot open the order', async () => {
  const rider = await signIn(e2e.gateway, 'rider')
  const order = await rider.call('orders.create', {
    source: 'snap',
    categoryId: 'cat_traffic',
    text: '僵尸车占道，车主电话13805372468',
    location: ELSEWHERE_IN_NZ01,
  })
  const worker = await signIn(e2e.gateway, 'grid_worker')
  const page = await worker.open(e2e.browser, `/packages/orders/pages/detail/index?id=${order.id}`)
  await page.getByText('僵尸车占道，车主电话138****2468').first().waitFor()
  expect(await page.locator('body').innerText()).not.toContain('13805372468')
  await page.locator('#reveal-text-0').click()
  await page.getByText('查看完整号码').waitFor()
  await page.getByText('确定', { exact: true }).click()
  await page.getByText('13805372468', { exact: true }).waitFor()
  await shot(page, 'orders-08-number-revealed')
  const admin = await signIn(e2e.gateway, 'street_admin')
  const log = await admin.call('audit.list', {})
  expect(log.items.filter((e) => e.action === 'order.reveal').map((e) => e.detail)).toEqual([
    `查看工单 ${order.no} 中的号码 138****2468`,
  ])

  const elsewhere = await signIn(e2e.gateway, 'gh_grid_worker')
  const refused = await elsewhere.open(e2e.browser, `/packages/orders/pages/detail/index?id=${order.id}`)
  await refused.getByText('工单不存在').waitFor()
  await refused.locator('#status-home').waitFor() // trying again cannot help: the page leads home instead
  await shot(refused, 'orders-09-other-street')
})
