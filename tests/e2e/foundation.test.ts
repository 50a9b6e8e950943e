/**
 * Foundation: a demo resident signs in on the picker and sees their grid's 首页; 我的 renames them and
 * refuses a bad phone number; signing out and in as someone else shows that person, not the last one.
 */
import { phonePage, shot, useGatewayAndBrowser } from './browser'
import { field, signIn } from './people'

const e2e = useGatewayAndBrowser()

test('the demo resident logs in on the picker and sees the 首页 of 南张社区第一网格', async () => {
  const page = await phonePage(e2e.browser)
  await page.goto(e2e.gateway.url)
  await page.locator('#login-resident').waitFor({ timeout: 30_000 })
  await shot(page, '01-login')
  await page.locator('#login-resident').click()
  await page.locator('#grid-name').filter({ hasText: '南张社区第一网格' }).waitFor({ timeout: 15_000 })
  await shot(page, '02-home')
  expect(await page.locator('body').innerText()).toContain('刘晓燕')
  expect(await page.locator('body').innerText()).not.toContain('13905376789')
})

test('the resident changes the nickname on 我的 and it survives a reload', async () => {
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/me/index')
  await page.locator('#me-nickname').filter({ hasText: '张桂英' }).waitFor({ timeout: 15_000 })
  await field(page, 'nickname-input').fill('桂英阿姨')
  await page.locator('#nickname-save').click()
  await page.locator('#me-nickname').filter({ hasText: '桂英阿姨' }).waitFor()
  await shot(page, '03-me-saved')
  await page.reload()
  await page.locator('#me-nickname').filter({ hasText: '桂英阿姨' }).waitFor({ timeout: 15_000 })
  expect((await resident.call('me.get', {})).nickname).toBe('桂英阿姨')
})

test('a bad phone number gets a Chinese message and is not saved', async () => {
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/me/index')
  await field(page, 'phone-input').fill('12345')
  await page.locator('#phone-save').click()
  await page.locator('#phone-input-error').filter({ hasText: '手机号格式不正确' }).waitFor()
  await shot(page, '04-me-bad-phone')
  expect((await resident.call('me.get', {})).phone).toBe('13805371234')
})

test('signing out and in as the rider shows the rider’s 首页, not the resident’s', async () => {
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/me/index')
  await page.locator('#logout').click()
  await page.locator('#login-rider').click()
  await page.locator('.home__greet').filter({ hasText: '李师傅' }).waitFor({ timeout: 15_000 })
  await page.locator('#no-grid').waitFor()
  expect(await page.locator('#grid-name').count()).toBe(0)
})
