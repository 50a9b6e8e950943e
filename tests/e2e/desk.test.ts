/**
 * Issue 10 in the browser: staff find their work on 首页 (counts, the tab badge, one tap into 待办 with the filter
 * set), filters change the list and say so with the count, the 请评价 message opens the rating form, a resident
 * raises a 诉求 from 首页, a 楼长 gets their building instead of a dead 待办 tile, a department's desk carries its
 * name, and 大字模式 makes text and buttons larger without overflow — measured, not eyeballed.
 */
import type { Page } from 'playwright-core'
import { shot, useGatewayAndBrowser } from './browser'
import { field, signIn } from './people'

const IN_NZ01 = { lat: 35.4005, lng: 116.579 }

const e2e = useGatewayAndBrowser()

async function snap(key: string, categoryId: string, text: string): Promise<string> {
  const person = await signIn(e2e.gateway, key)
  return (await person.call('orders.create', { source: 'snap', categoryId, text, location: IN_NZ01 })).id
}

const numberIn = async (page: Page, selector: string) =>
  Number((await page.locator(`${selector} .work-home__number`).innerText()).trim())

test('a grid worker opens 首页 on their work: counts, the tab badge, and one tap into 待接单', async () => {
  await snap('rider', 'cat_hygiene', '垃圾桶满了没人清')
  await snap('rider', 'cat_traffic', '非机动车乱停挡住盲道')
  const worker = await signIn(e2e.gateway, 'grid_worker')
  const desk = await worker.call('desk.get', {})
  const grid = desk.queues.find((q) => q.queue === 'grid')
  if (!grid) throw new Error('the worker has no grid queue')
  expect(grid.pending).toBeGreaterThanOrEqual(2)

  const page = await worker.open(e2e.browser, '/pages/index/index')
  await page.locator('#desk-grid-pending').waitFor()
  expect(await numberIn(page, '#desk-grid-pending')).toBe(grid.pending)
  expect(await numberIn(page, '#desk-grid-working')).toBe(grid.working)
  expect(await numberIn(page, '#desk-grid-overdue')).toBe(grid.overdue)
  // The same number on the 首页 tab as the desk's badge.
  await page.locator('.taro-tabbar__tabbar').getByText(String(desk.badge), { exact: true }).waitFor()
  await shot(page, 'desk-01-worker-home')

  await page.locator('#desk-grid-pending').click()
  await page
    .locator('#inbox-active')
    .filter({ hasText: `已筛选：待接单，共 ${grid.pending} 件` })
    .waitFor()
  await shot(page, 'desk-02-inbox-pending')

  // Filters reload the list from its first page and say what they show: only 交通秩序 now.
  await page.locator('#filter-cat-cat_traffic').click()
  await page.locator('#inbox-active').filter({ hasText: '待接单 · 交通秩序（含僵尸车）' }).waitFor()
  // 首页 stays in the document (hidden) under 待办: only what is drawn counts.
  const rows = page.locator('.order-list__item:visible')
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.order-list__category'))
      .filter((e) => e.offsetParent !== null)
      .map((e) => e.textContent)
    return shown.length > 0 && shown.every((t) => t === '交通秩序（含僵尸车）')
  })
  await page
    .locator('#inbox-active')
    .filter({ hasText: /共 \d+ 件/ })
    .waitFor()
  const counted = Number((await page.locator('#inbox-active').innerText()).match(/共 (\d+) 件/)?.[1])
  expect(counted).toBe(await rows.count())
  await shot(page, 'desk-03-inbox-filtered')
  await page.locator('#inbox-clear').click()
  await page.locator('#inbox-active').waitFor({ state: 'detached' })
})

test('the 请评价 message opens the order at its rating form, and rating closes it', async () => {
  const orderId = await snap('resident', 'cat_hygiene', '楼下垃圾堆了三天')
  const worker = await signIn(e2e.gateway, 'grid_worker')
  await worker.call('orders.act', { orderId, event: { type: 'accept' } })
  await worker.call('orders.act', { orderId, event: { type: 'resolve', note: '已清运完毕，现场已打扫', photos: [] } })
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/messages/index')
  const message = page.locator('.messages__item').filter({ hasText: '您的上报已办结，请评价' }).first()
  await message.waitFor()
  await shot(page, 'desk-04-messages')
  await message.click()
  await page.locator('#rate-satisfied').waitFor()
  await page.locator('#order-handling').getByText('请评价办理结果').waitFor()
  await shot(page, 'desk-05-rate-from-message')
  await page.locator('#rate-satisfied').click()
  await page.locator('.order-detail__head').getByText('已办结').waitFor()
})

test('a resident raises a 诉求 from 首页', async () => {
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/index/index')
  await page.locator('#tile-demand').click()
  await page.locator('#source-demand').waitFor()
  await page.locator('#cat-cat_civil').click()
  await field(page, 'create-text').fill('楼道里的声控灯坏了，老人晚上上楼看不见')
  await page.locator('#create-submit').click()
  await page.locator('#order-category').waitFor({ timeout: 20_000 })
  await page.locator('#order-place').filter({ hasText: '南张社区第一网格' }).waitFor()
  await shot(page, 'desk-06-demand-filed')
})

test('a 楼长 gets their building, never a 待办 tile; a department desk carries its name and grids', async () => {
  const head = await signIn(e2e.gateway, 'building_head')
  const page = await head.open(e2e.browser, '/pages/index/index')
  await page.locator('#desk-building-gd_nz_01').waitFor()
  expect(await page.locator('#desk-inbox').count()).toBe(0)
  await shot(page, 'desk-07-building-head-home')
  await page.locator('#desk-building-gd_nz_01').click()
  await page.locator('.building__row').first().waitFor()
  await shot(page, 'desk-08-building')

  const officer = await signIn(e2e.gateway, 'department')
  const desk = await officer.open(e2e.browser, '/packages/worker/pages/home/index')
  await desk.locator('#dept-grid-gd_nz_01').waitFor()
  await desk.waitForFunction(() => document.title === '警务工作台')
  expect(await desk.locator('#desk-patrol').count()).toBe(1)
  expect(await desk.locator('#desk-proxy').count()).toBe(0)
  await shot(desk, 'desk-09-department-desk')
})

/** Rendered sizes of what a reader sees (text line boxes, a button, the title bar) and any sideways overflow. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const lineHeight = (selector: string) => {
      const el = document.querySelector(selector)
      if (!el) return 0
      const range = document.createRange()
      range.selectNodeContents(el)
      return range.getBoundingClientRect().height
    }
    const controls = Array.from(document.querySelectorAll('.nut-button, .chips__chip')).map(
      (b) => b.getBoundingClientRect().height,
    )
    return {
      text: lineHeight('.order-list__text'),
      category: lineHeight('.order-list__category'),
      button: document.querySelector('.nut-button')?.getBoundingClientRect().height ?? 0,
      titleBar: lineHeight('#taro-navigation-bar .taro-navigation-bar-title'),
      smallestControl: Math.min(...controls),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }
  })
}

test('大字模式 draws text and buttons at least 1.25× larger, with no overflow, and is remembered', async () => {
  const worker = await signIn(e2e.gateway, 'grid_worker')
  const page = await worker.open(e2e.browser, '/packages/orders/pages/inbox/index')
  await page.locator('.order-list__text').first().waitFor()
  const before = await measure(page)
  await shot(page, 'desk-10-inbox-normal')

  const me = await page.context().newPage()
  await me.goto(`${e2e.gateway.url}/#/pages/me/index`)
  await me.locator('#large-text').click()
  await me.waitForFunction(() => document.documentElement.classList.contains('large-text'))
  await shot(me, 'desk-11-me-large')
  await page.reload()
  await page.locator('.order-list__text').first().waitFor()
  const after = await measure(page)
  await shot(page, 'desk-12-inbox-large')
  process.stdout.write(`大字模式 measured (px, normal → large): ${JSON.stringify({ before, after })}\n`)
  for (const key of ['text', 'category', 'button', 'titleBar'] as const) {
    expect([key, before[key] > 0]).toEqual([key, true])
    expect([key, after[key] / before[key] >= 1.24]).toEqual([key, true])
  }
  expect(after.overflow).toBeLessThanOrEqual(0)
  expect(after.smallestControl).toBeGreaterThanOrEqual(44)
})

test('a first visit goes to the login page without ever saying “登录已失效”', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  // Records every text the page ever shows, however briefly.
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __seen: string[] }).__seen = seen
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') seen.push(r.target.textContent ?? '')
        for (const node of Array.from(r.addedNodes)) seen.push(node.textContent ?? '')
      }
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  const page = await context.newPage()
  // On a slow phone network the login page's code takes a while to arrive: whatever 首页 says meanwhile is seen.
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  })
  await page.goto(`${e2e.gateway.url}/`)
  await page.waitForURL(/pages\/login\/index/, { timeout: 30_000 })
  await page.locator('.login').first().waitFor()
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'))
  expect(seen).not.toContain('登录已失效')
  await context.close()
})
