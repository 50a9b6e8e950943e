/**
 * Stories 2 and 6 in the browser (issue 13): 张桂英 asks in her grid how to move her pension insurance and is
 * offered the 明白纸 while typing; 医保's 马红霞, whose department entered the grid, finds the question waiting
 * on her 首页 and replies with that 明白纸; 张桂英 reads the reply, calls the desk phone shown on the leaflet and
 * marks it answered. Then the grid worker turns the leaking-roof question into a work order, which 张桂英 opens
 * from her question.
 */
import { shot, useGatewayAndBrowser } from './browser'
import { field, signIn } from './people'

const e2e = useGatewayAndBrowser()

test('story 2: a pension question answered by 医保 with the 明白纸 and its desk phone, marked answered', async () => {
  const resident = await signIn(e2e.gateway, 'resident')
  const page = await resident.open(e2e.browser, '/pages/index/index')
  await page.locator('#tile-feed').click()
  await page.locator('#post-fp_demo_pension').waitFor()
  await shot(page, 'feed-01-grid-feed')
  await page.locator('#feed-ask').click()
  await field(page, 'ask-text').fill('想咨询一下外地养老保险怎么转到济宁来？')
  // What the grid already has comes first: the 明白纸 is suggested while typing.
  await page.locator('#suggest-fp_demo_pension').waitFor()
  await shot(page, 'feed-02-ask-suggestions')
  await page.locator('#ask-submit').click()
  await page.locator('#question-text').filter({ hasText: '养老保险' }).waitFor({ timeout: 20_000 })
  const questionId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''
  expect(questionId).toMatch(/^qs_/)

  const officer = await signIn(e2e.gateway, 'yibao_officer')
  const desk = await officer.open(e2e.browser, '/pages/index/index')
  await desk.locator('#desk-questions-pending').click()
  await desk.locator(`#question-${questionId}`).click()
  await field(desk, 'reply-text').fill('请看这份明白纸，材料齐全可到便民服务中心社保窗口办理。')
  await desk.locator('#attach-fp_demo_pension').click()
  await desk.locator('#reply-send').click()
  await desk.locator('#reply-leaflet-fp_demo_pension').waitFor()
  await shot(desk, 'feed-03-officer-replied')

  await page.reload()
  await page.locator('.question__author--staff').filter({ hasText: '医保 马红霞' }).waitFor()
  await page.locator('#reply-leaflet-fp_demo_pension').click()
  await page
    .locator('#post-dept')
    .filter({ hasText: /医保 · 0537-/ })
    .waitFor()
  await page.locator('#post-call').waitFor()
  await shot(page, 'feed-04-leaflet-desk-phone')
  await page.goBack()
  await page.locator('#question-answered').click()
  await page.locator('.question__top').getByText('已解决').waitFor()
  await shot(page, 'feed-05-answered')
})

test('story 6: the worker turns the leaking-roof question into a work order the resident follows', async () => {
  const worker = await signIn(e2e.gateway, 'grid_worker')
  const page = await worker.open(e2e.browser, '/packages/feed/pages/question/index?id=qs_demo_roof')
  await page.locator('#to-order').click()
  await page.locator('#cat-cat_facility').click()
  await page.locator('#to-order-submit').click()
  await page.locator('#question-order').waitFor({ timeout: 20_000 })
  await shot(page, 'feed-06-turned-into-order')

  const resident = await signIn(e2e.gateway, 'resident')
  const mine = await resident.open(e2e.browser, '/packages/feed/pages/question/index?id=qs_demo_roof')
  await mine.locator('#question-order').click()
  await mine.locator('#order-category').filter({ hasText: '设施损坏' }).waitFor()
  await shot(mine, 'feed-07-order-from-question')
})

test("the grid's WeChat group: the worker binds it from a shared card; a rider opening it reads and is offered the grid", async () => {
  const card = '/packages/feed/pages/post/index?id=fp_demo_water&gridId=gd_nz_01&group=nz01-wechat'
  const worker = await signIn(e2e.gateway, 'grid_worker')
  const page = await worker.open(e2e.browser, card)
  await page.locator('#group-bind').click()
  await page.locator('#group-bound').filter({ hasText: '南张社区第一网格' }).waitFor()
  await shot(page, 'feed-08-group-bound')

  const rider = await signIn(e2e.gateway, 'rider')
  const opened = await rider.open(e2e.browser, card)
  await opened.locator('#post-title').filter({ hasText: '停水' }).waitFor()
  await shot(opened, 'feed-09-opened-from-group')
  await opened.locator('#group-join').click()
  await opened.locator('#join-preview-grid').filter({ hasText: '南张社区第一网格' }).waitFor()

  const again = await worker.open(e2e.browser, '/packages/feed/pages/post/index?id=fp_demo_water&gridId=gd_nz_01')
  await again.locator('#post-group-readers').filter({ hasText: '李师傅' }).waitFor()
  const home = await worker.open(e2e.browser, '/pages/index/index')
  await home.locator('#home-mode-life').click()
  await home.locator('#grid-wxgroup').filter({ hasText: '已关联' }).waitFor()
})
