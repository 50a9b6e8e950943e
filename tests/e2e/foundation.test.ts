/** Foundation acceptance: a demo resident signs in, sees their grid's 首页, renames themself on 我的. */
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, phonePage, shot, startGatewayProcess, type Gateway } from './browser'

let gateway: Gateway
let browser: Browser
let page: Page

beforeAll(async () => {
  gateway = await startGatewayProcess()
  browser = await launchBrowser()
  page = await phonePage(browser)
})

afterAll(async () => {
  await browser?.close()
  await gateway?.stop()
})

test('the demo resident logs in and sees the 首页 of 南张社区第一网格', async () => {
  await page.goto(gateway.url)
  await page.locator('#login-resident').waitFor({ timeout: 30_000 })
  await shot(page, '01-login')
  await page.locator('#login-resident').click()
  await page.locator('#grid-name').filter({ hasText: '南张社区第一网格' }).waitFor({ timeout: 15_000 })
  await shot(page, '02-home')
  expect(await page.locator('#grid-name').innerText()).toContain('南张社区第一网格')
  expect(await page.locator('body').innerText()).toContain('刘晓燕')
  expect(await page.locator('body').innerText()).not.toContain('13905376789')
})

test('the resident changes the nickname on 我的 and it survives a reload', async () => {
  await page.getByText('我的', { exact: true }).last().click()
  await page.locator('#me-nickname').waitFor({ timeout: 15_000 })
  expect(await page.locator('#me-nickname').innerText()).toContain('张桂英')
  const input = page.locator('#nickname-input input, input#nickname-input').first()
  await input.fill('桂英阿姨')
  await page.locator('#nickname-save').click()
  await page.locator('#me-nickname').filter({ hasText: '桂英阿姨' }).waitFor({ timeout: 15_000 })
  await shot(page, '03-me-saved')
  await page.reload()
  await page.locator('#me-nickname').filter({ hasText: '桂英阿姨' }).waitFor({ timeout: 15_000 })
})

test('a bad phone number gets a Chinese message and is not saved', async () => {
  const input = page.locator('#phone-input input, input#phone-input').first()
  await input.fill('12345')
  await page.locator('#phone-save').click()
  await page.getByText('手机号格式不正确').first().waitFor({ timeout: 10_000 })
  await shot(page, '04-me-bad-phone')
  const login = await (
    await fetch(`${gateway.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"key":"resident"}',
    })
  ).json()
  const me = await (
    await fetch(`${gateway.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.token}` },
      body: JSON.stringify({ action: 'me.get', payload: {} }),
    })
  ).json()
  expect(me.data.phone).toBe('13805371234')
})
