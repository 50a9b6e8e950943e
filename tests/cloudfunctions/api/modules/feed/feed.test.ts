/**
 * The grid group online (issue 13): who sees a grid's feed across two streets, read counts under concurrency,
 * who has not read, paging with pins, editing others' posts, questions answered by staff, flagged when nobody
 * answers, turned into exactly one work order the asker follows, search by words, and the content check.
 */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { rid } from '../../../../helpers/orders'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import type { FeedPostView, QuestionView } from '../../../../../types'

const resident = demoOpenId('resident') // 张桂英, home gd_nz_01
const worker = demoOpenId('grid_worker') // 刘晓燕, gd_nz_01 and gd_nz_02
const police = demoOpenId('department') // 警务, entered every 南张 grid
const streetAdmin = demoOpenId('street_admin')
const ghResident = demoOpenId('gh_resident')
const ghAdmin = demoOpenId('gh_street_admin')
const rider = demoOpenId('rider') // no home grid

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const publish = async (who: string, payload: Record<string, unknown>) =>
  dataOf<FeedPostView>(await api.call(who, 'feed.publish', { kind: 'notice', ...payload }, rid()))
const feed = async (who: string, gridId: string, cursor?: string) =>
  dataOf<{ items: FeedPostView[]; nextCursor: string | null }>(await api.call(who, 'feed.list', { gridId, cursor }))
const ask = async (who: string, text: string) =>
  dataOf<QuestionView>(await api.call(who, 'questions.ask', { text }, rid()))

describe('the feed', () => {
  test('a grid notice reaches its grid; a street notice every grid of that street and no other street', async () => {
    const gridOnly = await publish(worker, {
      title: '停水通知',
      body: '明天上午停水',
      target: { gridIds: ['gd_nz_01'] },
    })
    const streetWide = await publish(streetAdmin, {
      title: '防汛通知',
      body: '今晚有暴雨',
      target: { streetId: 'st_nanzhang' },
    })
    // The seed's own posts of gd_nz_01 (a pinned notice, the pension 明白纸) aside.
    const fresh = (items: FeedPostView[]) => items.map((p) => p.id).filter((id) => !id.startsWith('fp_demo_'))
    expect(fresh((await feed(resident, 'gd_nz_01')).items)).toEqual([streetWide.id, gridOnly.id])
    // A resident of another grid of 南张 sees the street notice in their own grid, not the grid notice.
    expect((await feed(police, 'gd_nz_03')).items.map((p) => p.id)).toEqual([streetWide.id])
    // 古槐's people see neither, and cannot open 南张's feed or posts.
    expect(fresh((await feed(ghResident, 'gd_gh_01')).items)).toEqual([])
    expect(await api.call(ghResident, 'feed.list', { gridId: 'gd_nz_01' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await api.call(ghAdmin, 'feed.get', { postId: gridOnly.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    // Nor may 古槐's admin publish into 南张, nor a resident publish at all.
    const into = { kind: 'notice', title: '越界', body: '越界发布', target: { gridIds: ['gd_nz_01'] } }
    expect(await api.call(ghAdmin, 'feed.publish', into, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await api.call(resident, 'feed.publish', into, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // The rider, in no grid, reads no grid's feed.
    expect(await api.call(rider, 'feed.list', { gridId: 'gd_nz_01' })).toMatchObject({ ok: false })
  })

  test('each person counts once, even reading at the same moment; staff see who has not read', async () => {
    const post = await publish(worker, { title: '接种通知', body: '周三社区接种', target: { gridIds: ['gd_nz_01'] } })
    const reads = await Promise.all(
      Array.from({ length: 6 }, () => api.call(resident, 'feed.get', { postId: post.id })),
    )
    expect(reads.every((r) => r.ok)).toBe(true)
    await api.call(demoOpenId('building_head'), 'feed.get', { postId: post.id })
    const seen = dataOf<FeedPostView>(await api.call(worker, 'feed.get', { postId: post.id }))
    expect(seen.readCount).toBe(3)
    expect(seen.can).toContain('unread')
    const unread = dataOf<{ items: { name: string }[]; total: number }>(
      await api.call(worker, 'feed.unread', { postId: post.id, gridId: 'gd_nz_01' }),
    )
    const names = unread.items.map((m) => m.name)
    expect(names).not.toContain('张桂英')
    expect(names).not.toContain('王建国')
    expect(names).toContain('赵秀兰') // registered without a phone: followed up in person
    // A resident sees the count but not who.
    expect(dataOf<FeedPostView>(await api.call(resident, 'feed.get', { postId: post.id })).can).toEqual([])
    expect(await api.call(resident, 'feed.unread', { postId: post.id, gridId: 'gd_nz_01' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('pages of 20, pinned first; only the author edits (marked), and a withdrawn post leaves the feed', async () => {
    const ids: string[] = []
    for (let i = 0; i < 25; i++) {
      ids.push((await publish(worker, { title: `通知 ${i}`, body: '正文', target: { gridIds: ['gd_nz_02'] } })).id)
      api.clock.advance(1000)
    }
    const pinned = ids[3] ?? ''
    dataOf(await api.call(worker, 'feed.pin', { postId: pinned, pinned: true }, rid()))
    const first = await feed(worker, 'gd_nz_02')
    expect(first.items).toHaveLength(20)
    expect(first.items[0]?.id).toBe(pinned)
    const second = await feed(worker, 'gd_nz_02', first.nextCursor ?? undefined)
    expect(second.items).toHaveLength(5)
    expect(second.nextCursor).toBeNull()
    expect(new Set([...first.items, ...second.items].map((p) => p.id))).toEqual(new Set(ids))

    const edit = { postId: ids[0], title: '通知（更正）', body: '更正后的正文' }
    expect(await api.call(police, 'feed.edit', edit, rid())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dataOf<FeedPostView>(await api.call(worker, 'feed.edit', edit, rid()))).toMatchObject({
      title: '通知（更正）',
      edited: true,
    })
    dataOf(await api.call(worker, 'feed.withdraw', { postId: ids[1] }, rid()))
    const after = await feed(worker, 'gd_nz_02')
    expect([...after.items].map((p) => p.id)).not.toContain(ids[1])
  })

  test('a 明白纸 names its department and desk phone; content is checked', async () => {
    const leaflet = await publish(demoOpenId('department'), {
      kind: 'leaflet',
      title: '异地养老保险转移明白纸',
      body: '携带身份证到街道社保窗口办理转移接续',
      departmentId: 'dp_police',
      target: { gridIds: ['gd_nz_01'] },
    })
    expect(leaflet.department).toMatchObject({ name: '警务' })
    expect(leaflet.department?.phone).toMatch(/^0537-/)
    expect(leaflet.authorLabel).toBe('警务 赵警官')
    const bad = { kind: 'notice', title: '出售冰毒', body: '联系我', target: { gridIds: ['gd_nz_01'] } }
    expect(await api.call(worker, 'feed.publish', bad, rid())).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    const noDept = { kind: 'leaflet', title: '明白纸', body: '正文内容', target: { gridIds: ['gd_nz_01'] } }
    expect(await api.call(worker, 'feed.publish', noDept, rid())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'departmentId' }] },
    })
  })
})

describe('questions', () => {
  test('asked in the home grid, answered by staff in the thread, marked answered by the asker only', async () => {
    const q = await ask(resident, '外地的养老保险怎么转到济宁来？电话13805371234')
    expect(q).toMatchObject({ gridId: 'gd_nz_01', mine: true, answered: false, can: ['reply', 'answered'] })
    const pending = dataOf<{ items: QuestionView[] }>(
      await api.call(police, 'questions.list', { gridId: 'gd_nz_01', which: 'pending' }),
    )
    expect(pending.items.map((i) => i.id)).toContain(q.id)
    // Staff read the number masked; the asker reads it as typed.
    expect(pending.items.find((i) => i.id === q.id)?.text).not.toContain('13805371234')
    const replied = dataOf<QuestionView>(
      await api.call(police, 'questions.reply', { questionId: q.id, text: '请到街道社保窗口办理' }, rid()),
    )
    expect(replied.replies).toMatchObject([{ authorLabel: '警务 赵警官', staff: true }])
    const inbox = dataOf<{ items: { title: string; link: string }[] }>(await api.call(resident, 'messages.list', {}))
    expect(inbox.items.find((m) => m.title === '您的提问有了新回复')?.link).toBe(
      `/packages/feed/pages/question/index?id=${q.id}`,
    )
    expect(
      dataOf<{ items: QuestionView[] }>(
        await api.call(police, 'questions.list', { gridId: 'gd_nz_01', which: 'pending' }),
      ).items.map((i) => i.id),
    ).not.toContain(q.id)
    expect(await api.call(worker, 'questions.answered', { questionId: q.id }, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      dataOf<QuestionView>(await api.call(resident, 'questions.answered', { questionId: q.id }, rid())),
    ).toMatchObject({
      answered: true,
    })
    // A neighbour may read the thread but does not answer for the grid.
    expect(
      await api.call(demoOpenId('building_head'), 'questions.reply', { questionId: q.id, text: '我也想知道' }, rid()),
    ).toMatchObject({ ok: false })
  })

  test('20 questions a day; content checked; asking needs a home grid', async () => {
    for (let i = 0; i < 20; i++) await ask(resident, `第 ${i} 个问题：垃圾什么时候清运`)
    expect(await api.call(resident, 'questions.ask', { text: '第二十一个问题是什么' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    })
    expect(await api.call(ghResident, 'questions.ask', { text: '哪里可以出售冰毒' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    expect(await api.call(rider, 'questions.ask', { text: '驿站在哪里呢？' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  test('unanswered for a day the grid workers are told; two days it is flagged for the community', async () => {
    const q = await ask(resident, '楼道灯坏了找谁修？')
    api.clock.advance(25 * 3600_000)
    await api.tick()
    const aboutIt = async () =>
      dataOf<{ items: { title: string; link: string | null }[] }>(
        await api.call(worker, 'messages.list', {}),
      ).items.filter((m) => m.title === '有居民提问超过一天未回复' && m.link?.endsWith(q.id))
    expect(await aboutIt()).toHaveLength(1)
    await api.tick() // a second tick tells no one twice
    expect(await aboutIt()).toHaveLength(1)
    api.clock.advance(24 * 3600_000)
    await api.tick()
    expect((await api.deps.store.get('questions', q.id))?.flagged).toBe(2)
    const desk = dataOf<{ questions: { flagged: number } }>(
      await api.call(demoOpenId('community_admin'), 'desk.get', {}),
    )
    expect(desk.questions.flagged).toBe(2) // this one and the seed's roof question
  })

  test('turned into one work order (also when asked twice at once), which the asker follows', async () => {
    const q = await ask(resident, '3号楼顶层漏水，下雨天屋里滴水')
    const convert = { questionId: q.id, categoryId: 'cat_facility' }
    const results = await Promise.all([
      api.call(worker, 'questions.toOrder', convert, rid()),
      api.call(worker, 'questions.toOrder', convert, rid()),
      api.call(police, 'questions.toOrder', convert, rid()),
    ])
    const orderIds = new Set(results.map((r) => dataOf<QuestionView>(r).orderId))
    expect(orderIds.size).toBe(1)
    const orderId = [...orderIds][0] ?? ''
    expect(await api.deps.store.count('orders', { reporterId: userIdFor(resident) })).toBeGreaterThanOrEqual(1)
    const mine = dataOf<QuestionView>(await api.call(resident, 'questions.get', { questionId: q.id }))
    expect(mine.orderId).toBe(orderId)
    expect(await api.call(resident, 'orders.get', { orderId })).toMatchObject({
      ok: true,
      data: { source: 'demand', state: 'dispatched' },
    })
    expect(await api.call(resident, 'questions.toOrder', convert, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('search finds 明白纸 and answered questions of the grid by words, not of another grid', async () => {
    await publish(police, {
      kind: 'leaflet',
      title: '养老保险转移接续明白纸',
      body: '外地养老保险可以转入本地',
      departmentId: 'dp_police',
      target: { gridIds: ['gd_nz_01'] },
    })
    const q = await ask(resident, '养老保险断缴了怎么办？')
    dataOf(await api.call(worker, 'questions.reply', { questionId: q.id, text: '可以补缴' }, rid()))
    const found = dataOf<{ items: { kind: string; title: string }[] }>(
      await api.call(resident, 'feed.search', { gridId: 'gd_nz_01', q: '养老保险' }),
    )
    expect(new Set(found.items.map((i) => i.kind))).toEqual(new Set(['leaflet', 'question']))
    expect(found.items.map((i) => i.title)).toContain('养老保险转移接续明白纸')
    const elsewhere = dataOf<{ items: unknown[] }>(
      await api.call(police, 'feed.search', { gridId: 'gd_nz_02', q: '养老保险' }),
    )
    expect(elsewhere.items).toEqual([])
  })
})

test('a typed question is offered what matches two of its words or more, best first', async () => {
  const found = dataOf<{ items: { id: string }[] }>(
    await api.call(resident, 'feed.search', { gridId: 'gd_nz_01', q: '想咨询一下外地养老保险怎么转到济宁来？' }),
  )
  expect(found.items[0]?.id).toBe('fp_demo_pension')
  const nothing = dataOf<{ items: unknown[] }>(
    await api.call(resident, 'feed.search', { gridId: 'gd_nz_01', q: '小区里的狗晚上一直叫' }),
  )
  expect(nothing.items).toEqual([])
})

describe("the grid's WeChat group", () => {
  const groupA = { demo: 'nz01-group' }

  test('staff bind it once; a resident opening a card from it is offered that grid; a group moves only by staff', async () => {
    expect(await api.call(resident, 'groups.bind', { gridId: 'gd_nz_01', group: groupA }, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const before = dataOf<{ canBind: boolean; grid: unknown }>(
      await api.call(worker, 'groups.resolve', { group: groupA, gridId: 'gd_nz_01' }),
    )
    expect(before).toMatchObject({ grid: null, canBind: true })
    dataOf(await api.call(worker, 'groups.bind', { gridId: 'gd_nz_01', group: groupA }, rid()))
    expect(
      dataOf<{ wxGroupBound: boolean }>(await api.call(resident, 'grids.get', { gridId: 'gd_nz_01' })).wxGroupBound,
    ).toBe(true)
    // Someone not yet in the grid who opens a card from its group gets the grid and its join code.
    const offered = dataOf<{ grid: { id: string } | null; member: boolean; joinCode: string | null }>(
      await api.call(rider, 'groups.resolve', { group: groupA }),
    )
    expect(offered).toMatchObject({ grid: { id: 'gd_nz_01' }, member: false })
    expect(offered.joinCode).toBe((await api.deps.store.get('grids', 'gd_nz_01'))?.joinCode)
    expect(
      dataOf<{ member: boolean; joinCode: string | null }>(
        await api.call(resident, 'groups.resolve', { group: groupA }),
      ),
    ).toMatchObject({ member: true, joinCode: null })
    // 古槐's worker cannot take the group over; 南张's worker may move it to their other grid (the first is released).
    expect(
      await api.call(demoOpenId('gh_grid_worker'), 'groups.bind', { gridId: 'gd_gh_01', group: groupA }, rid()),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    dataOf(await api.call(worker, 'groups.bind', { gridId: 'gd_nz_02', group: groupA }, rid()))
    expect((await api.deps.store.get('grids', 'gd_nz_01'))?.wxGroupKey).toBeNull()
    expect(dataOf<{ grid: { id: string } }>(await api.call(rider, 'groups.resolve', { group: groupA })).grid.id).toBe(
      'gd_nz_02',
    )
    const audit = await api.deps.store.count('audit', { actorId: userIdFor(worker) })
    expect(audit).toBeGreaterThanOrEqual(2)
    // A proof this runtime cannot read names no group.
    expect(await api.call(worker, 'groups.resolve', { group: { cloudID: 'forged' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  test('a notice opened from the bound group counts as a group open, also for people not yet in the grid', async () => {
    dataOf(await api.call(worker, 'groups.bind', { gridId: 'gd_nz_01', group: groupA }, rid()))
    const post = await publish(worker, {
      title: '今晚停电',
      body: '线路检修，21 点至 23 点停电',
      target: { gridIds: ['gd_nz_01'] },
    })
    // The rider is in no grid: only a card from the group lets them read it.
    expect(await api.call(rider, 'feed.get', { postId: post.id })).toMatchObject({ ok: false })
    expect(await api.call(rider, 'feed.get', { postId: post.id, group: { demo: 'another-group' } })).toMatchObject({
      ok: false,
    })
    dataOf(await api.call(rider, 'feed.get', { postId: post.id, group: groupA }))
    dataOf(await api.call(resident, 'feed.get', { postId: post.id, group: groupA }))
    dataOf(await api.call(resident, 'feed.get', { postId: post.id, group: groupA }))
    const seen = dataOf<FeedPostView>(await api.call(worker, 'feed.get', { postId: post.id }))
    expect(seen).toMatchObject({ readCount: 3, groupReadCount: 2 })
    expect(seen.groupReaders.sort()).toEqual(['张桂英', '李师傅'].sort())
    expect(dataOf<FeedPostView>(await api.call(resident, 'feed.get', { postId: post.id })).groupReaders).toEqual([])
  })
})

describe('building heads', () => {
  const head = demoOpenId('building_head') // 王建国, 楼长 of gd_nz_01, lives in building 3

  test('mark a notice passed on to their building, once; see who has not read it', async () => {
    const post = await publish(worker, {
      title: '燃气安全检查',
      body: '本周四入户检查',
      target: { gridIds: ['gd_nz_01'] },
    })
    const seen = dataOf<FeedPostView>(await api.call(head, 'feed.get', { postId: post.id }))
    expect(seen.can).toEqual(['unread', 'relay'])
    await Promise.all([
      api.call(head, 'feed.relay', { postId: post.id }, rid()),
      api.call(head, 'feed.relay', { postId: post.id }, rid()),
    ])
    const after = dataOf<FeedPostView>(await api.call(resident, 'feed.get', { postId: post.id }))
    expect(after.relayedBy).toEqual(['楼长 王建国（3号楼）'])
    expect(dataOf<FeedPostView>(await api.call(head, 'feed.get', { postId: post.id })).can).toEqual(['unread'])
    expect(await api.call(worker, 'feed.relay', { postId: post.id }, rid())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('ask for a neighbour of their building, and only of their building', async () => {
    const offline = async (building: string, name: string) =>
      dataOf<{ id: string }>(
        await api.call(
          worker,
          'grids.registerOffline',
          { gridId: 'gd_nz_01', name, building, unit: '1', room: '101' },
          rid(),
        ),
      ).id
    const neighbour = await offline('3', '周大爷')
    const farther = await offline('6', '吴奶奶')
    const asked = dataOf<QuestionView>(
      await api.call(head, 'questions.ask', { text: '周大爷问：高龄补贴怎么申请？', onBehalfOf: neighbour }, rid()),
    )
    const seenByWorker = dataOf<QuestionView>(await api.call(worker, 'questions.get', { questionId: asked.id }))
    expect(seenByWorker.askerLabel).toBe('楼长 王建国 代 周** 提问')
    expect(
      await api.call(head, 'questions.ask', { text: '吴奶奶问：低保怎么办理？', onBehalfOf: farther }, rid()),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'onBehalfOf' }] } })
    expect(
      await api.call(resident, 'questions.ask', { text: '替邻居问问怎么办', onBehalfOf: neighbour }, rid()),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})

test('how long a question may wait is the street office’s setting (UNANSWERED_HOURS)', async () => {
  const quick = await createTestApi({
    seed: true,
    overrides: { settings: { reportRadiusMetres: 2000, unansweredHours: 2 } },
  })
  const q = dataOf<QuestionView>(await quick.call(resident, 'questions.ask', { text: '小区门禁坏了找谁？' }, rid()))
  quick.clock.advance(1.5 * 3600_000)
  await quick.tick()
  expect((await quick.deps.store.get('questions', q.id))?.flagged).toBe(0)
  quick.clock.advance(1 * 3600_000)
  await quick.tick()
  expect((await quick.deps.store.get('questions', q.id))?.flagged).toBe(1)
})
