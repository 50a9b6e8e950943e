/**
 * Grids in the browser: the street admin draws a grid and invites a grid worker; the rider redeems the
 * invite and opens the grid's QR poster; a signed-out person opens the join link, signs in, joins and sees
 * the grid and its worker on 首页; records, code rotation, departments entering a grid and the audit log.
 * Each test signs its people in and sets up its own grid through the gateway's API.
 */
import { phonePage, shot, useGatewayAndBrowser } from './browser'
import { field, signIn, type Person } from './people'

// One retry, logged: a join test times out now and then in full runs only (see below); the log keeps the first failure.
jest.retryTimes(1, { logErrorsBeforeRetry: true })

const COMMUNITY = 'cm_nanzhang'
const POLYGON = [
  { lat: 35.42, lng: 116.58 },
  { lat: 35.42, lng: 116.585 },
  { lat: 35.424, lng: 116.585 },
  { lat: 35.424, lng: 116.58 },
]
const POLYGON_TEXT = POLYGON.map((p) => `${p.lat.toFixed(4)},${p.lng.toFixed(4)}`).join('\n')

const e2e = useGatewayAndBrowser()

interface GridSetup {
  admin: Person
  gridId: string
  name: string
}

/** Codes for the grids the tests draw: a retried test draws its grid again under a new code. */
let retries = 0
/** A new grid of 南张社区, drawn by the street admin through the API. */
async function newGrid(name: string, code: string): Promise<GridSetup> {
  const admin = await signIn(e2e.gateway, 'street_admin')
  const existing = await admin.call('grids.tree', {})
  const taken = existing.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.map((g) => g.code)))
  const free = taken.includes(code) ? `NZ-${String(50 + retries++)}` : code
  const grid = await admin.call('grids.create', { communityId: COMMUNITY, name, code: free, polygon: POLYGON })
  return { admin, gridId: grid.id, name }
}

/** The rider becomes the grid's worker by redeeming an invite the admin hands out. */
async function riderWorksIn({ admin, gridId }: GridSetup): Promise<Person> {
  const invite = await admin.call('invites.create', { role: 'grid_worker', gridIds: [gridId] })
  const rider = await signIn(e2e.gateway, 'rider')
  await rider.call('invites.redeem', { code: invite.code ?? '' })
  return rider
}

/** 赵警官 (no home grid in the seed) joins the grid with its current code. */
async function officerJoins({ admin, gridId }: GridSetup): Promise<{ officer: Person; joinCode: string }> {
  const { joinCode } = await admin.call('grids.poster', { gridId })
  const officer = await signIn(e2e.gateway, 'department')
  await officer.call('grids.join', { code: joinCode, building: '5', unit: '1', room: '502' })
  return { officer, joinCode }
}

test('the street admin draws 南张社区第五网格 (NZ-05); bad boundaries get Chinese messages inline', async () => {
  const admin = await signIn(e2e.gateway, 'street_admin')
  const page = await admin.open(e2e.browser, '/packages/admin/pages/home/index')
  await page.locator('#admin-grid-gd_nz_01').filter({ hasText: '刘晓燕' }).waitFor()
  await shot(page, 'grids-01-admin-home')

  await page.locator('#admin-new-grid').click()
  await page.locator('#grid-community-cm_nanzhang').click()
  await field(page, 'grid-name-input').fill('南张社区第五网格')
  await field(page, 'grid-code-input').fill('nz-05')
  // The street's sketch is drawn for 南张社区; pasting coordinates is the expert path.
  await page.locator('#grid-sketch').waitFor()
  await page.locator('#grid-polygon-expert').click()
  await field(page, 'grid-polygon').fill('35.4200,116.5800\n35.4200,116.5850')
  await page.locator('#grid-save').click()
  await page.locator('#grid-polygon-error').filter({ hasText: '至少需要 3 个点' }).waitFor()

  // The server's own rule (inside China) comes back as field `polygon.0` and lands on line 1.
  await field(page, 'grid-polygon').fill(POLYGON_TEXT.replace('35.4200,116.5800', '60.0000,116.5800'))
  await page.locator('#grid-save').click()
  await page.locator('#grid-polygon-error').filter({ hasText: '第 1 行：边界点不在中国境内' }).waitFor()
  await shot(page, 'grids-02-polygon-error')

  await field(page, 'grid-polygon').fill(POLYGON_TEXT)
  await page.locator('#grid-save').click()
  await page.locator('#grid-created').waitFor({ timeout: 15_000 })
  expect(page.url()).toContain('gridId=gd_nz_05')
  expect(await page.locator('body').innerText()).toContain('NZ-05')
  await shot(page, 'grids-04-grid-created')
})

test('the admin edits a boundary on the sketch: a tap adds a corner, a drag moves one', async () => {
  const { admin, gridId } = await newGrid('南张社区第七网格', 'NZ-07')
  const page = await admin.open(e2e.browser, `/packages/admin/pages/grid-edit/index?gridId=${gridId}`)
  const sketch = page.locator('#grid-sketch')
  await sketch.waitFor()
  await page.getByText('已描 4 个点').waitFor()
  const box = await sketch.boundingBox()
  if (!box) throw new Error('no sketch')
  // A tap in an empty part of the sketch adds a fifth corner.
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.08)
  await page.getByText('已描 5 个点').waitFor()
  await page.locator('#grid-polygon-expert').click()
  const before = await page.locator('#grid-polygon textarea').inputValue()
  // Drag the corner that was just added a little to the right, by touch.
  const cdp = await page.context().newCDPSession(page)
  const from = { x: box.x + box.width * 0.5, y: box.y + box.height * 0.08 }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + 30, y: from.y + 10 }] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await page.waitForFunction((prev) => {
    const value = (document.querySelector('#grid-polygon textarea') as HTMLTextAreaElement | null)?.value
    return value !== undefined && value !== prev
  }, before)
  const after = (await page.locator('#grid-polygon textarea').inputValue()).split('\n')
  expect(after).toHaveLength(5)
  expect(after.slice(0, 4)).toEqual(before.split('\n').slice(0, 4))
  await shot(page, 'grids-03-sketch-editor')
})

test('the admin creates a 网格员 invite for a new grid and reads its code', async () => {
  const { admin, gridId } = await newGrid('南张社区第六网格', 'NZ-06')
  const page = await admin.open(e2e.browser, '/packages/admin/pages/invites/index')
  await page.locator('#invite-role-grid_worker').click()
  await page.locator(`#invite-grid-${gridId}`).click()
  await page.locator('#invite-create').click()
  const code = (await page.locator('#invite-code').innerText()).trim()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
  // The list shows the code masked; 查看 shows it in full once more, and that is recorded.
  const masked = `${code.slice(0, 2)}******${code.slice(-2)}`
  const row = page.locator('.invite-row').filter({ hasText: masked })
  await row.filter({ hasText: '未使用' }).waitFor()
  expect(await row.innerText()).toContain('南张社区第六网格')
  expect(await page.locator('.invite-row').filter({ hasText: code }).count()).toBe(0)
  await shot(page, 'grids-05-invite')
  await page.reload() // the card of the new code is gone; only the masked row is left
  await row.filter({ hasText: '未使用' }).waitFor()
  await row.locator('[id^="invite-reveal-"]').click()
  await page.getByText('查看完整邀请码').waitFor()
  await page.getByText('确定', { exact: true }).click()
  await page.getByText(code, { exact: true }).waitFor()
  await shot(page, 'grids-05b-invite-revealed')
  const log = await admin.call('audit.list', {})
  expect(log.items.filter((e) => e.action === 'invite.reveal').map((e) => e.detail)).toEqual([
    `查看完整邀请码 ${masked}：网格员（南张社区第六网格）`,
  ])
})

test('the rider redeems an invite on 我的 → 使用邀请码 and opens the grid’s QR poster', async () => {
  const { admin, gridId, name } = await newGrid('南张社区第七网格', 'NZ-07')
  const invite = await admin.call('invites.create', { role: 'grid_worker', gridIds: [gridId] })
  const page = await (await signIn(e2e.gateway, 'rider')).open(e2e.browser, '/pages/index/index')
  await page.locator('#join-by-code').waitFor()
  await page.getByText('我的', { exact: true }).last().click()
  await page.locator('#entry-invite').click()
  await field(page, 'invite-code-input').fill('ABC')
  await page.locator('#invite-submit').click()
  await page.locator('#invite-code-input-error').filter({ hasText: '邀请码应为 10 位字母或数字' }).waitFor()
  await field(page, 'invite-code-input').fill((invite.code ?? '').toLowerCase())
  await page.locator('#invite-submit').click()
  await page
    .locator('#invite-result')
    .filter({ hasText: `网格员（${name}）` })
    .waitFor()
  await shot(page, 'grids-06-invite-redeemed')

  await page.locator('#invite-go-worker').click()
  await page.locator(`#poster-${gridId}`).click()
  await page.locator('#poster-grid-name').filter({ hasText: name }).waitFor()
  expect(await page.locator('#poster').innerText()).toContain('李师傅')
  const code = (await page.locator('#poster-join-code').innerText()).trim()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  // Under the QR, the link it opens, for people who read it aloud or type it.
  expect(await page.locator('#poster-join-url').innerText()).toMatch(
    new RegExp(`^http://.+/#/pages/join/index.*${code}`),
  )
  await page.locator('#poster-qr img').first().waitFor()
  await shot(page, 'grids-07-poster')
})

test('a signed-out person opens the join link, signs in, joins, and 首页 shows the grid and 李师傅', async () => {
  const grid = await newGrid('南张社区第八网格', 'NZ-08')
  await riderWorksIn(grid)
  const { joinCode } = await grid.admin.call('grids.poster', { gridId: grid.gridId })
  const page = await phonePage(e2e.browser)
  await page.goto(`${e2e.gateway.url}/#/pages/join/index?code=${joinCode}`)
  await page.locator('#join-login').click()
  await page.locator('#login-department').click()
  await page.locator('#join-preview-grid').filter({ hasText: grid.name }).waitFor({ timeout: 15_000 })
  expect(await page.locator('body').innerText()).toContain('李师傅')
  await page.locator('#join-submit').click()
  await page.locator('#join-building-error').filter({ hasText: '请填写楼号' }).waitFor()
  await shot(page, 'grids-08-join-preview')
  await field(page, 'join-building').fill('5')
  await field(page, 'join-unit').fill('1')
  await field(page, 'join-room').fill('502')
  await page.locator('#join-submit').click()
  // Timed out in about 1 full run in 4 while login went to 首页, whose onShow then opened the join page: two
  // navigations at once left 首页's content hidden (found by this message). Login now goes straight back.
  // 赵警官 is staff: 首页 opens on his work; his new grid is under 居民服务.
  await page.locator('#home-mode-life').click({ timeout: 20_000 })
  await page
    .locator('#grid-name')
    .filter({ hasText: grid.name })
    .waitFor({ timeout: 20_000 })
    .catch(async (err: Error) => {
      await shot(page, 'grids-09-home-joined-FAILED')
      const shown = await page.locator('body').innerText()
      throw new Error(`${err.message}\n首页 showed: ${shown.slice(0, 400)}`)
    })
  await page.locator('#grid-member-count').filter({ hasText: '1 位居民' }).waitFor()
  expect(await page.locator('body').innerText()).toContain('李师傅')
  await shot(page, 'grids-09-home-joined')

  await page.locator('#contact-worker').click()
  await page.locator('#call-phone').filter({ hasText: '13705372345' }).waitFor()
  expect(await page.locator('#call-link').getAttribute('href')).toBe('tel:13705372345')
  await shot(page, 'grids-10-call-worker')
})

test('the grid’s worker finds a resident in 住户名册 and registers an elderly resident without a phone', async () => {
  const grid = await newGrid('南张社区第九网格', 'NZ-09')
  const rider = await riderWorksIn(grid)
  await officerJoins(grid)
  const page = await rider.open(e2e.browser, `/packages/worker/pages/members/index?gridId=${grid.gridId}`)
  await page.getByText('5号楼1单元502').waitFor()
  expect(await page.locator('body').innerText()).toContain('赵警官')
  await page.locator('#offline-submit').click()
  await page.locator('#offline-name-error').filter({ hasText: '请填写姓名' }).waitFor()
  await field(page, 'offline-name').fill('孙大爷')
  await field(page, 'offline-building').fill('5')
  await field(page, 'offline-unit').fill('2')
  await field(page, 'offline-room').fill('101')
  await page.locator('#offline-submit').click()
  await page.getByText('5号楼2单元101').waitFor()
  await shot(page, 'grids-11-members')
})

test('rotating the QR code makes the old join link answer “该二维码已更新”', async () => {
  const grid = await newGrid('南张社区第十网格', 'NZ-10')
  const rider = await riderWorksIn(grid)
  const { officer, joinCode } = await officerJoins(grid)
  const poster = await rider.open(e2e.browser, `/packages/worker/pages/poster/index?gridId=${grid.gridId}`)
  await poster.locator('#poster-join-code').filter({ hasText: joinCode }).waitFor()
  await poster.locator('#poster-rotate').click()
  await poster.getByText('确定更换', { exact: true }).click()
  await poster.locator('#poster-join-code').filter({ hasNotText: joinCode }).waitFor()
  const fresh = (await poster.locator('#poster-join-code').innerText()).trim()

  const page = await officer.open(e2e.browser, `/pages/join/index?code=${joinCode}`)
  await page.locator('#join-problem').filter({ hasText: '该二维码已更新' }).waitFor()
  await shot(page, 'grids-12-old-code')
  await page.locator('#join-other-code').click()
  await page.locator('#join-code-input-error').filter({ hasText: '该二维码已更新' }).waitFor()
  await field(page, 'join-code-input').fill(fresh.toLowerCase())
  await page.locator('#join-lookup').click()
  await page.locator('#join-preview-grid').filter({ hasText: grid.name }).waitFor()
  await page.getByText('您已经是本网格的居民了').waitFor()
})

test('the admin lets 警务 enter a grid, and its resident’s 首页 lists it', async () => {
  const grid = await newGrid('南张社区第十一网格', 'NZ-11')
  const { officer } = await officerJoins(grid)
  const page = await grid.admin.open(e2e.browser, '/packages/admin/pages/departments/index')
  await page.locator('#dept-dp_police').click()
  await page.locator(`#dept-grid-${grid.gridId}`).click()
  await page.locator('#dept-enter').click()
  await page.locator('#dept-dp_police').filter({ hasText: grid.name }).waitFor()
  await shot(page, 'grids-12a-departments')
  const home = await officer.open(e2e.browser, '/pages/index/index')
  await home.locator('#home-mode-life').click()
  await home.locator('#grid-dept-dp_police').filter({ hasText: '警务' }).waitFor()
})

test('the audit log shows the grant, the record look-ups, the call and the department entering', async () => {
  const grid = await newGrid('南张社区第十二网格', 'NZ-12')
  const rider = await riderWorksIn(grid)
  const { officer } = await officerJoins(grid)
  await rider.call('grids.members', { gridId: grid.gridId })
  const [worker] = (await officer.call('grids.get', { gridId: grid.gridId })).workers
  if (!worker) throw new Error('the grid has no worker')
  await officer.call('grids.callWorker', { gridId: grid.gridId, workerId: worker.id })
  await grid.admin.call('departments.enterGrids', { departmentId: 'dp_police', gridIds: [grid.gridId], enter: true })

  const page = await grid.admin.open(e2e.browser, '/packages/admin/pages/audit/index')
  await page.getByText(`使用邀请码成为网格员（${grid.name}）`).first().waitFor()
  const text = await page.locator('body').innerText()
  expect(text).toContain('查阅住户')
  expect(text).toContain('拨打网格员 李师傅 的电话')
  expect(text).toContain(`警务入格 ${grid.name}`)
  await shot(page, 'grids-13-audit')
})
