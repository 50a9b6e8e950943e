/**
 * Grids in the browser: the street admin draws 南张社区第五网格 and invites a grid worker; the rider redeems
 * the invite, opens the grid's QR poster; a signed-out person opens the join link, signs in, joins and
 * sees the new grid and its worker on 首页. Then records, code rotation and the audit log.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, shot, startGatewayProcess, type Gateway } from './browser'

const GRID = '南张社区第五网格'
const GRID_ID = 'gd_nz_05'
const POLYGON = ['35.4200,116.5800', '35.4200,116.5850', '35.4240,116.5850', '35.4240,116.5800'].join('\n')

let gateway: Gateway
let browser: Browser
const contexts: BrowserContext[] = []
let admin: Page
let rider: Page
let resident: Page
let inviteCode = ''
let joinCode = ''

beforeAll(async () => {
  gateway = await startGatewayProcess()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await gateway?.stop()
})

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  contexts.push(context)
  return context.newPage()
}

async function personPage(key: string): Promise<Page> {
  const page = await freshPage()
  await page.goto(`${gateway.url}/#/pages/login/index`)
  await page.locator(`#login-${key}`).click()
  await page.waitForURL(/pages\/index\/index/)
  // Let the login's switchTab finish before the test navigates by URL (else the router may go back to 首页).
  await page.locator('.home__greet').waitFor()
  await page.waitForTimeout(300)
  return page
}

const open = (page: Page, path: string) => page.goto(`${gateway.url}/#${path}`)
const input = (page: Page, id: string) => page.locator(`#${id} input, input#${id}`).first()
const textarea = (page: Page, id: string) => page.locator(`#${id} textarea, textarea#${id}`).first()

/** Screenshot once the page transition and images have settled. */
async function snap(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700)
  await shot(page, name)
}

test('the street admin draws 南张社区第五网格 (NZ-05); bad boundaries get Chinese messages inline', async () => {
  admin = await personPage('street_admin')
  await open(admin, '/packages/admin/pages/home/index')
  await admin.locator('#admin-grid-gd_nz_01').waitFor()
  expect(await admin.locator('#admin-grid-gd_nz_01').innerText()).toContain('刘晓燕')
  await snap(admin, 'grids-01-admin-home')

  await admin.locator('#admin-new-grid').click()
  await admin.locator('#grid-community-cm_nanzhang').click()
  await input(admin, 'grid-name-input').fill(GRID)
  await input(admin, 'grid-code-input').fill('nz-05')
  await textarea(admin, 'grid-polygon').fill('35.4200,116.5800\n35.4200,116.5850')
  await admin.locator('#grid-save').click()
  await admin.locator('#grid-polygon-error').filter({ hasText: '至少需要 3 个点' }).waitFor()

  // The server's own rule (inside China) comes back as field `polygon.0` and lands on line 1.
  await textarea(admin, 'grid-polygon').fill(POLYGON.replace('35.4200,116.5800', '60.0000,116.5800'))
  await admin.locator('#grid-save').click()
  await admin.locator('#grid-polygon-error').filter({ hasText: '第 1 行：边界点不在中国境内' }).waitFor()
  await snap(admin, 'grids-02-polygon-error')

  await textarea(admin, 'grid-polygon').fill(POLYGON)
  await snap(admin, 'grids-03-grid-form')
  await admin.locator('#grid-save').click()
  await admin.locator('#grid-created').waitFor({ timeout: 15_000 })
  expect(admin.url()).toContain(`gridId=${GRID_ID}`)
  expect(await admin.locator('body').innerText()).toContain('NZ-05')
  await snap(admin, 'grids-04-grid-created')
})

test('the admin creates a 网格员 invite for the new grid and reads its code', async () => {
  await open(admin, '/packages/admin/pages/invites/index')
  await admin.locator('#invite-role-grid_worker').click()
  await admin.locator(`#invite-grid-${GRID_ID}`).click()
  await admin.locator('#invite-create').click()
  await admin.locator('#invite-code').waitFor()
  inviteCode = (await admin.locator('#invite-code').innerText()).trim()
  expect(inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
  await admin.locator(`#invite-${inviteCode}`).filter({ hasText: '未使用' }).waitFor()
  await snap(admin, 'grids-05-invite')
})

test('the rider redeems it on 我的 → 使用邀请码 and opens the new grid’s QR poster', async () => {
  rider = await personPage('rider')
  await rider.locator('#join-by-code').waitFor()
  await snap(rider, 'grids-06-no-grid-home')
  await rider.getByText('我的', { exact: true }).last().click()
  await rider.locator('#entry-invite').waitFor()
  await snap(rider, 'grids-06a-me')
  await rider.locator('#entry-invite').click()
  await input(rider, 'invite-code-input').fill('ABC')
  await rider.locator('#invite-submit').click()
  await rider.getByText('邀请码应为 10 位字母或数字').waitFor()
  await input(rider, 'invite-code-input').fill(inviteCode.toLowerCase())
  await rider.locator('#invite-submit').click()
  await rider
    .locator('#invite-result')
    .filter({ hasText: `网格员（${GRID}）` })
    .waitFor()
  await snap(rider, 'grids-06-invite-redeemed')

  await rider.locator('#invite-go-worker').click()
  await rider.locator(`#poster-${GRID_ID}`).waitFor()
  await snap(rider, 'grids-06b-worker-home')
  await rider.locator(`#poster-${GRID_ID}`).click()
  await rider.locator('#poster-join-code').waitFor()
  expect(await rider.locator('#poster-grid-name').innerText()).toBe(GRID)
  expect(await rider.locator('#poster').innerText()).toContain('李师傅')
  joinCode = (await rider.locator('#poster-join-code').innerText()).trim()
  expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  await rider.locator('#poster-qr img').first().waitFor()
  await snap(rider, 'grids-07-poster')
})

test('a signed-out person opens the join link, signs in, joins, and 首页 shows the grid and 李师傅', async () => {
  resident = await freshPage()
  await resident.goto(`${gateway.url}/#/pages/join/index?code=${joinCode}`)
  await resident.locator('#join-login').click()
  await resident.locator('#login-department').click()
  await resident.locator('#join-preview-grid').filter({ hasText: GRID }).waitFor({ timeout: 15_000 })
  expect(await resident.locator('body').innerText()).toContain('李师傅')
  await resident.locator('#join-submit').click()
  await resident.locator('#join-building-error').filter({ hasText: '请填写楼号' }).waitFor()
  await snap(resident, 'grids-08-join-preview')
  await input(resident, 'join-building').fill('5')
  await input(resident, 'join-unit').fill('1')
  await input(resident, 'join-room').fill('502')
  await resident.locator('#join-submit').click()
  await resident.locator('#grid-name').filter({ hasText: GRID }).waitFor({ timeout: 15_000 })
  expect(await resident.locator('body').innerText()).toContain('李师傅')
  expect(await resident.locator('#grid-member-count').innerText()).toContain('1 位居民')
  await snap(resident, 'grids-09-home-joined')

  await resident.locator('#contact-worker').click()
  await resident.locator('#call-phone').filter({ hasText: '13705372345' }).waitFor()
  expect(await resident.locator('#call-link').getAttribute('href')).toBe('tel:13705372345')
  await snap(resident, 'grids-10-call-worker')
  await resident.locator('#call-close').click()
})

test('the new worker finds the resident in 住户名册 and registers an elderly resident without a phone', async () => {
  await open(rider, `/packages/worker/pages/members/index?gridId=${GRID_ID}`)
  await rider.getByText('5号楼1单元502').waitFor()
  expect(await rider.locator('body').innerText()).toContain('赵警官')
  await rider.locator('#offline-submit').click()
  await rider.locator('#offline-name-error').filter({ hasText: '请填写姓名' }).waitFor()
  await input(rider, 'offline-name').fill('孙大爷')
  await input(rider, 'offline-building').fill('5')
  await input(rider, 'offline-unit').fill('2')
  await input(rider, 'offline-room').fill('101')
  await rider.locator('#offline-submit').click()
  await rider.getByText('5号楼2单元101').waitFor()
  await snap(rider, 'grids-11-members')
})

test('rotating the QR code makes the old join link answer “该二维码已更新”', async () => {
  await open(rider, `/packages/worker/pages/poster/index?gridId=${GRID_ID}`)
  await rider.locator('#poster-join-code').filter({ hasText: joinCode }).waitFor()
  await rider.locator('#poster-rotate').click()
  await rider.getByText('确定更换', { exact: true }).click()
  await rider.locator('#poster-join-code').filter({ hasNotText: joinCode }).waitFor()
  await resident.goto(`${gateway.url}/#/pages/join/index?code=${joinCode}`)
  await resident.locator('#join-problem').filter({ hasText: '该二维码已更新' }).waitFor()
  await snap(resident, 'grids-12-old-code')

  // Typing the new code instead shows the grid again (the resident is already a member there).
  const fresh = (await rider.locator('#poster-join-code').innerText()).trim()
  await resident.locator('#join-other-code').click()
  await resident.locator('#join-code-input-error').filter({ hasText: '该二维码已更新' }).waitFor()
  await snap(resident, 'grids-12b-code-entry')
  await input(resident, 'join-code-input').fill(fresh.toLowerCase())
  await resident.locator('#join-lookup').click()
  await resident.locator('#join-preview-grid').filter({ hasText: GRID }).waitFor()
  await resident.getByText('您已经是本网格的居民了').waitFor()
})

test('the admin lets 警务 enter the new grid, and the resident’s 首页 lists it', async () => {
  await open(admin, '/packages/admin/pages/departments/index')
  await admin.locator('#dept-dp_police').click()
  await admin.locator(`#dept-grid-${GRID_ID}`).click()
  await admin.locator('#dept-enter').click()
  await admin.locator('#dept-dp_police').filter({ hasText: GRID }).waitFor()
  await snap(admin, 'grids-12a-departments')
  await open(resident, '/pages/index/index')
  await resident.locator('#grid-dept-dp_police').waitFor()
  expect(await resident.locator('#grid-dept-dp_police').innerText()).toContain('警务')
})

test('the audit log shows the grant and the record look-ups', async () => {
  await open(admin, '/packages/admin/pages/audit/index')
  await admin.getByText(`使用邀请码成为网格员（${GRID}）`).first().waitFor()
  const text = await admin.locator('body').innerText()
  expect(text).toContain('查阅住户')
  expect(text).toContain('拨打网格员 李师傅 的电话')
  expect(text).toContain('警务入格 南张社区第五网格')
  await snap(admin, 'grids-13-audit')
})
