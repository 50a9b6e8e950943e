/**
 * Story 7 in the browser: a rider's 随手拍 accepted by the grid worker earns points; the rider redeems two
 * park tickets in 信用集市; the counter staff types the voucher code and marks it used; the rider's balance,
 * ledger and the item's stock agree on screen.
 */
import ExcelJS from 'exceljs'
import { shot, useGatewayAndBrowser } from './browser'
import { field, signIn } from './people'

const e2e = useGatewayAndBrowser()

test('a rider earns points for an accepted report, redeems park tickets, and the counter marks the voucher used', async () => {
  const rider = await signIn(e2e.gateway, 'rider')
  const order = await rider.call('orders.create', {
    source: 'snap',
    categoryId: 'cat_traffic',
    text: '路口井盖松动，电动车经过很危险',
    photos: [await rider.upload()],
    location: { lat: 35.4005, lng: 116.579 },
  })

  // Before 接单 nothing is earned.
  const before = await rider.open(e2e.browser, '/packages/credit/pages/home/index')
  await before.locator('#credit-balance').filter({ hasText: /^0$/ }).waitFor()
  await before.locator('#credit-ledger-empty').waitFor()
  await shot(before, 'credit-01-home-empty-rider')

  const worker = await signIn(e2e.gateway, 'grid_worker')
  const detail = await worker.open(e2e.browser, `/packages/orders/pages/detail/index?id=${order.id}`)
  await detail.locator('#act-accept').click()
  await detail.getByText('已接单').first().waitFor()

  const home = await rider.open(e2e.browser, '/packages/credit/pages/home/index')
  await home.locator('#credit-balance').filter({ hasText: /^20$/ }).waitFor()
  await home.getByText(`随手拍被受理：${order.no}`).waitFor()
  expect(await home.locator('body').innerText()).toContain('+20')
  await shot(home, 'credit-02-home-earned-rider')

  const market = await rider.open(e2e.browser, '/packages/credit/pages/market/index')
  await market.locator('#market-balance').filter({ hasText: '我的积分：20' }).waitFor()
  await market.locator('#item-mi_nz_park').filter({ hasText: '剩余 10 件' }).waitFor()
  await shot(market, 'credit-03-market-rider')
  await market.locator('#redeem-mi_nz_park').click()
  await market.getByText('确认兑换', { exact: true }).click()
  const code = (await market.locator('.voucher--open .voucher__code').first().innerText()).trim()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
  await market.locator('.voucher--open .voucher__qr').first().waitFor()
  await shot(market, 'credit-04-voucher-rider')

  const counter = await signIn(e2e.gateway, 'counter')
  const desk = await counter.open(e2e.browser, '/packages/credit/pages/counter/index')
  await field(desk, 'counter-code').fill('ABCDEFGHJK')
  await desk.locator('#counter-submit').click()
  await desk.locator('#counter-code-error').filter({ hasText: '兑换码不存在' }).waitFor()
  await field(desk, 'counter-code').fill(code.toLowerCase())
  await desk.locator('#counter-submit').click()
  await desk.locator('#counter-result').filter({ hasText: '南池公园门票（两张） · 已使用' }).waitFor()
  await shot(desk, 'credit-05-counter-used')
  await field(desk, 'counter-code').fill(code)
  await desk.locator('#counter-submit').click()
  await desk.locator('#counter-code-error').filter({ hasText: '该兑换券已于' }).waitFor()

  // Balance, ledger and stock agree.
  const after = await rider.open(e2e.browser, '/packages/credit/pages/home/index')
  await after.locator('#credit-balance').filter({ hasText: /^0$/ }).waitFor()
  await after.getByText('兑换「南池公园门票（两张）」').waitFor()
  const text = await after.locator('body').innerText()
  expect(text).toContain('-20')
  expect(text).toContain('+20')
  await shot(after, 'credit-06-home-spent-rider')
  const vouchers = await rider.open(e2e.browser, '/packages/credit/pages/vouchers/index')
  await vouchers.getByText('已使用').first().waitFor()
  const again = await rider.open(e2e.browser, '/packages/credit/pages/market/index')
  await again.locator('#item-mi_nz_park').filter({ hasText: '剩余 9 件' }).waitFor()
  await again.locator('#redeem-mi_nz_park').filter({ hasText: '每人限兑 1 件，已兑换' }).waitFor()
  await shot(again, 'credit-07-market-after-rider')
})

test('the street admin reads the month figures per grid and downloads the ledger as an Excel workbook', async () => {
  const admin = await signIn(e2e.gateway, 'street_admin')
  const page = await admin.open(e2e.browser, '/packages/credit/pages/admin/index')
  await page.locator('#credit-stats').filter({ hasText: '南张社区第一网格' }).waitFor()
  await page.locator('#rule-report_valid').waitFor()
  await shot(page, 'credit-08-admin')
  const download = page.waitForEvent('download')
  await page.locator('#export-ledger').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^积分明细-\d{4}-\d{2}\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile((await file.path()) ?? '')
  const sheet = book.getWorksheet('积分明细')
  expect(sheet?.getRow(1).values).toEqual([undefined, '时间', '居民', '网格', '类型', '积分', '原因', '到期日'])
  expect(sheet?.rowCount).toBeGreaterThan(1)
  expect(sheet?.getRow(2).getCell(1).value).toBeInstanceOf(Date)

  // A correction: find 张桂英 in her grid and add 5 points with a reason; her balance shows it.
  await page.locator('#correct-grid-gd_nz_01').click()
  await field(page, 'correct-q').fill('张桂英')
  await page.locator('#correct-search').click()
  await page.locator('#correct-person-mb_demo_resident').click()
  await field(page, 'correct-points').fill('5')
  await field(page, 'correct-reason').fill('补录志愿服务')
  await page.locator('#correct-submit').click()
  const resident = await signIn(e2e.gateway, 'resident')
  for (let i = 0; i < 50 && (await resident.call('credit.summary', {})).balance !== 35; i++)
    await new Promise((r) => setTimeout(r, 100))
  expect((await resident.call('credit.summary', {})).balance).toBe(35)
  await shot(page, 'credit-09-admin-corrected')
})
