/**
 * Story 1 in the browser: the grid worker finds an ID card and posts a 失物招领 with a photo; a resident's
 * list shows it with the number masked and no photo; the worker looks the owner up among the grid's
 * residents and messages her; she opens the message, claims with an answer and gets a hand-over code; the
 * worker types the code; both see 已归还 and the recorded return. Steps run in order on one post.
 */
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, shot, startGatewayProcess, type Gateway } from './browser'
import { PNG, field, signIn, type Person } from './people'

// A checksum-valid 18-digit ID number (济宁市任城区, born 1990-01-01) and its public, masked form.
const ID = '370811199001011236'
const MASKED = '3708**********1236'
const TITLE = '捡到身份证一张'
const TEXT = `在3号楼东门捡到身份证，号码 ${ID}，请失主到网格服务站认领`
const QUESTION = '证件背面贴了什么颜色的贴纸？'
const ANSWER = '背面贴了一张红色的小贴纸'

let gateway: Gateway
let browser: Browser
let worker: Person
let owner: Person
let postId = ''

beforeAll(async () => {
  gateway = await startGatewayProcess()
  browser = await launchBrowser()
  worker = await signIn(gateway, 'grid_worker')
  owner = await signIn(gateway, 'resident')
})

afterAll(async () => {
  await browser?.close()
  await gateway?.stop()
})

/** A page of the app as this person, at the phone size the screenshots are looked at (390×844). */
async function open(person: Person, path: string): Promise<Page> {
  const page = await person.open(browser, path)
  await page.setViewportSize({ width: 390, height: 844 })
  return page
}

const detail = (id: string) => `/packages/lostfound/pages/detail/index?id=${id}`
const idOf = (page: Page) => new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''

async function attachPhoto(page: Page, trigger: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator(trigger).click()
  await (await chooser).setFiles({ name: 'card.png', mimeType: 'image/png', buffer: PNG })
  await page.locator('.photo-picker__img').first().waitFor()
}

test('the grid worker posts a found ID card with a photo, in her grid', async () => {
  const page = await open(worker, '/pages/lostfound/index')
  await page.locator('#lf-create').click()
  await page.locator('#post-kind-found').click()
  await page.locator('#lf-submit').click()
  await page.locator('#lf-title-error').filter({ hasText: '标题' }).waitFor()
  await page.locator('#post-grid-gd_nz_01').click()
  await page.locator('#post-cat-id_card').click()
  await field(page, 'lf-title').fill(TITLE)
  await field(page, 'lf-text').fill(TEXT)
  await field(page, 'lf-question').fill(QUESTION)
  await field(page, 'lf-place').fill('南张社区3号楼东门')
  await attachPhoto(page, '#lf-photo')
  await shot(page, 'lostfound-01-create-worker', { fullPage: true })
  await page.locator('#lf-submit').click()
  await page.locator('#lf-title-shown').filter({ hasText: TITLE }).waitFor({ timeout: 20_000 })
  postId = idOf(page)
  expect(postId).not.toBe('')
  // The finder reads what she typed, sees the photo and her private question.
  expect(await page.locator('#lf-text-shown').innerText()).toContain(ID)
  await page.locator('.lf-detail__photo').first().waitFor()
  await page.locator('#lf-question-shown').filter({ hasText: QUESTION }).waitFor()
  await page.locator('#lf-act-notify').waitFor()
  await shot(page, 'lostfound-02-detail-worker', { fullPage: true })
})

test("a resident's list shows it masked and without the photo, and finds it by a word", async () => {
  const page = await open(owner, '/pages/lostfound/index')
  const row = page.locator(`#post-${postId}`)
  await row.waitFor()
  const text = await row.innerText()
  expect(text).toContain(MASKED)
  expect(text).not.toContain(ID)
  expect(await row.locator('img').count()).toBe(0)
  await shot(page, 'lostfound-03-list-resident', { fullPage: true })

  await page.locator('#lf-kind-found').click()
  await page.locator('#lf-more-filters').click()
  await page.locator('#lf-cat-id_card').click()
  await field(page, 'lf-search').fill('身份证')
  await page.locator('#lf-search-go').click()
  await page.getByText('正在搜索“身份证”').waitFor()
  await row.waitFor()
  await field(page, 'lf-search').fill('自行车')
  await page.locator('#lf-search-go').click()
  await page.locator('#posts-empty').filter({ hasText: '没有符合条件的启事' }).waitFor()
  await shot(page, 'lostfound-04-list-search-empty', { fullPage: true })
  await page.locator('#lf-clear').click()
  await row.waitFor()
  expect(await field(page, 'lf-search').inputValue()).toBe('')

  const post = await open(owner, detail(postId))
  await post.locator('#lf-act-claim').waitFor()
  expect(await post.locator('#lf-text-shown').innerText()).toContain(MASKED)
  expect(await post.locator('.lf-detail__photo').count()).toBe(0)
  expect(await post.locator('body').innerText()).not.toContain(ID)
  await shot(post, 'lostfound-05-detail-public', { fullPage: true })
})

test('the worker finds the owner among the grid residents by name and messages her', async () => {
  const page = await open(worker, detail(postId))
  await page.locator('#lf-act-notify').click()
  await field(page, 'lf-notify-q').fill('张桂英')
  await page.locator('#lf-notify-search').click()
  const member = page.locator('.lf-member').filter({ hasText: '张桂英' })
  await member.waitFor()
  await member.locator('[id^="lf-notify-"]').click()
  await member.getByText('已通知').waitFor()
  await shot(page, 'lostfound-06-notify-worker', { fullPage: true })
})

test('the owner opens the message, claims with her answer, and waits for the check', async () => {
  const page = await open(owner, '/pages/messages/index')
  await page.locator('.messages__item').filter({ hasText: '网格员捡到了可能属于您的物品' }).first().click()
  await page.locator('#lf-act-claim').waitFor()
  expect(idOf(page)).toBe(postId)
  await page.locator('#lf-act-claim').click()
  await page.locator('.lf-form__question').filter({ hasText: QUESTION }).waitFor()
  await page.locator('#lf-form-submit').click()
  await page.locator('#lf-answer-error').waitFor()
  await field(page, 'lf-answer').fill(ANSWER)
  await shot(page, 'lostfound-07-claim-form', { fullPage: true })
  await page.locator('#lf-form-submit').click()
  await page.locator('.lf-claim').filter({ hasText: '待核对' }).waitFor()
  expect(await page.locator('#lf-act-claim').count()).toBe(0)
  await shot(page, 'lostfound-08-claimed-owner', { fullPage: true })

  const mine = await open(owner, '/pages/me/index')
  await mine.locator('#entry-my-claims').click()
  await mine.locator('.lf-claims__item').filter({ hasText: '待核对' }).waitFor()
  await shot(mine, 'lostfound-09-my-claims-owner', { fullPage: true })
})

test("the worker finds the claim in her 首页's 失物待处理 and accepts it; the owner gets a code and its QR", async () => {
  const home = await open(worker, '/pages/index/index')
  await home.locator('#tile-lostfound-todo').waitFor()
  await shot(home, 'lostfound-10a-home-worker', { fullPage: true })
  await home.locator('#tile-lostfound-todo').click()
  const item = home.locator('.lf-claims__item').filter({ hasText: ANSWER })
  await item.waitFor()
  await shot(home, 'lostfound-10-grid-todo-worker', { fullPage: true })
  await item.click()
  const accept = home.locator('[id^="lf-claim-accept-"]')
  await accept.click()
  await home.getByText('确定', { exact: true }).click()
  await home.locator('[id^="lf-claim-handover-"]').waitFor()

  const page = await open(owner, detail(postId))
  const code = (await page.locator('#lf-code').innerText()).replace(/\s+/g, '')
  expect(code).toMatch(/^\d{6}$/)
  await page.locator('#lf-code-qr img').waitFor()
  await shot(page, 'lostfound-11-code-owner', { fullPage: true })
})

test('the worker types the code; both see 已归还 and the recorded return', async () => {
  const claims = await owner.call('lostfound.claims', { which: 'mine' })
  const claim = claims.items.find((c) => c.postId === postId)
  const code = claim?.code ?? ''
  expect(code).toMatch(/^\d{6}$/)
  const page = await open(worker, detail(postId))
  await page.locator(`#lf-claim-handover-${claim?.id}`).click()
  const wrong = code === '000000' ? '111111' : '000000'
  await field(page, `lf-code-input-${claim?.id}`).fill(wrong)
  await page.locator(`#lf-claim-submit-${claim?.id}`).click()
  await page.locator(`#lf-code-input-${claim?.id}-error, #lf-claim-error-${claim?.id}`).waitFor()
  await shot(page, 'lostfound-12-wrong-code-worker', { fullPage: true })
  await field(page, `lf-code-input-${claim?.id}`).fill(code)
  await page.locator(`#lf-claim-submit-${claim?.id}`).click()
  await page.locator('#lf-returned').getByText('已归还').waitFor()
  expect(await page.locator('#lf-returned').innerText()).toMatch(/积分/)
  await shot(page, 'lostfound-13-returned-worker', { fullPage: true })

  const mine = await open(owner, detail(postId))
  await mine.locator('#lf-returned').getByText('已归还').waitFor()
  expect(await mine.locator('#lf-returned').innerText()).toContain('张桂英')
  expect(await mine.locator('#lf-code').count()).toBe(0)
  await shot(mine, 'lostfound-14-returned-owner', { fullPage: true })

  const posts = await open(worker, '/packages/lostfound/pages/mine/index')
  await posts.locator(`#post-${postId}`).filter({ hasText: '已归还' }).waitFor()
  await shot(posts, 'lostfound-15-mine-worker', { fullPage: true })
})

test('a rider in no grid is led to join one before the list can show anything', async () => {
  const rider = await signIn(gateway, 'rider')
  const page = await open(rider, '/pages/lostfound/index')
  await page.locator('#posts-empty').filter({ hasText: '您还未加入网格' }).waitFor()
  expect(await page.locator('#lf-create').count()).toBe(0)
  await shot(page, 'lostfound-00-list-rider-no-grid', { fullPage: true })
  await page.locator('#lf-join').click()
  await page.locator('#join-code-input').waitFor()
  expect(page.url()).toContain('/pages/join/index')
})

test('a resident posts a 寻物启事 in her grid (no 寻人, no grid to pick), edits it, and closes it with a reason', async () => {
  const page = await open(owner, '/packages/lostfound/pages/create/index')
  await page.locator('#post-kind-lost').waitFor()
  expect(await page.locator('#post-kind-person').count()).toBe(0)
  expect(await page.locator('[id^="post-grid-"]').count()).toBe(0)
  await page.locator('#post-cat-keys').click()
  await field(page, 'lf-title').fill('丢了一串钥匙')
  await field(page, 'lf-text').fill('三把钥匙，挂着蓝色小熊挂件，捡到请联系 13905371234')
  await field(page, 'lf-place').fill('南张菜市场东门')
  await shot(page, 'lostfound-16-create-resident', { fullPage: true })
  await page.locator('#lf-submit').click()
  await page.locator('#lf-title-shown').filter({ hasText: '丢了一串钥匙' }).waitFor({ timeout: 20_000 })
  // Her own post reads as she typed it; the buttons are the owner's.
  expect(await page.locator('#lf-text-shown').innerText()).toContain('13905371234')
  for (const id of ['#lf-act-edit', '#lf-act-renew', '#lf-act-close']) await page.locator(id).waitFor()
  expect(await page.locator('#lf-act-claim, #lf-act-clue, #lf-act-notify').count()).toBe(0)

  await page.locator('#lf-act-edit').click()
  await field(page, 'lf-edit-title').fill('丢了一串钥匙（蓝色小熊挂件）')
  await shot(page, 'lostfound-17-edit-resident', { fullPage: true })
  await page.locator('#lf-form-submit').click()
  await page.locator('#lf-title-shown').filter({ hasText: '蓝色小熊挂件' }).waitFor()

  await page.locator('#lf-act-close').click()
  await page.locator('#lf-form-submit').click()
  await page.locator('#lf-close-reason-error').waitFor()
  await field(page, 'lf-close-reason').fill('已经找到了')
  await page.locator('#lf-form-submit').click()
  await page.locator('.lf-detail__head').getByText('已关闭').waitFor()
  await page.getByText('关闭原因：已经找到了').waitFor()
  expect(await page.locator('[id^="lf-act-"]').count()).toBe(0)

  const mine = await open(owner, '/packages/lostfound/pages/mine/index')
  await mine.locator('.post-list__item').filter({ hasText: '已关闭' }).first().waitFor()
  await shot(mine, 'lostfound-18-mine-resident', { fullPage: true })
})

test('a building head tells a clue on the 寻人 post privately; the grid worker who posted it reads it', async () => {
  const head = await signIn(gateway, 'building_head')
  const page = await open(head, detail('lp_demo_person'))
  await page.locator('#lf-act-clue').click()
  await field(page, 'lf-clue').fill('王德福的儿子在城东开五金店，我有他店里的电话')
  await page.locator('#lf-form-submit').click()
  await page.locator('.lf-claim').filter({ hasText: '五金店' }).waitFor()
  await shot(page, 'lostfound-19-clue-building-head', { fullPage: true })

  // A clue waits on nobody, so it is not in 待我处理: the poster is told by a message that opens the post.
  const inbox = await open(worker, '/pages/messages/index')
  await inbox.locator('.messages__item').filter({ hasText: '您的启事收到一条线索' }).first().click()
  await inbox.locator('.lf-claim').filter({ hasText: '五金店' }).filter({ hasText: '王建国' }).waitFor()
  expect(idOf(inbox)).toBe('lp_demo_person')
  await shot(inbox, 'lostfound-20-clue-read-worker', { fullPage: true })

  const street = await open(worker, '/pages/lostfound/index')
  await street.locator('#lf-scope-street').click()
  await street.locator('#lf-place-name').filter({ hasText: '南张街道' }).waitFor()
  await street.locator('#post-lp_demo_person').waitFor()
  expect(await street.locator('#post-lp_demo_gh_keys').count()).toBe(0)
  await shot(street, 'lostfound-21-street-worker', { fullPage: true })
})

test('a street admin posts a 寻人启事 for one of her grids; it is street-wide', async () => {
  const admin = await signIn(gateway, 'street_admin')
  const page = await open(admin, '/packages/lostfound/pages/create/index')
  await page.locator('#post-kind-person').click()
  await page.locator('#post-grid-gd_nz_03').waitFor()
  expect(await page.locator('[id^="post-cat-"], #lf-wide, #lf-question').count()).toBe(0)
  await field(page, 'lf-title').fill('寻找李桂兰老人的家属')
  await field(page, 'lf-text').fill('李桂兰老人的养老金待领取，请家属点“我有线索”留下联系方式。')
  await page.locator('#lf-submit').click()
  await page.locator('#grid-error').filter({ hasText: '请选择网格' }).waitFor()
  await page.locator('#post-grid-gd_nz_03').click()
  await shot(page, 'lostfound-22-create-person-admin', { fullPage: true })
  await page.locator('#lf-submit').click()
  await page.locator('#lf-title-shown').filter({ hasText: '寻找李桂兰老人的家属' }).waitFor({ timeout: 20_000 })
  await page.locator('.lf-detail__head').getByText('寻人启事').waitFor()
  await page.getByText('（全街道可见）').waitFor()
})
