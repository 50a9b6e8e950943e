/**
 * Lost and found on a real dispatcher and SQLite store with a manual clock: posting with masking, lists and
 * search by scope, matching, claims and the hand-over code with its lockout, two claimants at once, expiry.
 */
import type { ClaimView, LostPostDetail, LostPostSummary } from '../../../../../types'
import { CODE_LOCK_MS, POSTS_PER_DAY, findSensitiveNumbers } from '../../../../../types'
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { rid, uploadPhoto } from '../../../../helpers/orders'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { wordsOf, queryWords } from '../../../../../cloudfunctions/api/modules/lostfound/words'

const DAY = 24 * 60 * 60 * 1000
const worker = demoOpenId('grid_worker') // 刘晓燕, works gd_nz_01 and gd_nz_02, lives in gd_nz_01
const resident = demoOpenId('resident') // 张桂英, gd_nz_01
const neighbour = demoOpenId('building_head') // 王建国, gd_nz_01 (楼长)
const ghResident = demoOpenId('gh_resident') // 卫秀珍, 古槐 gd_gh_01
const ghWorker = demoOpenId('gh_grid_worker')
/** A valid 18-digit ID (checksum 6) and a phone, inside other words. */
const ID = '370811199001011236'
const PHONE = '13805379999'

type Page = { items: LostPostSummary[]; nextCursor: string | null; placeName: string | null }

async function post(api: TestApi, openId: string, input: Record<string, unknown>) {
  return api.call(
    openId,
    'lostfound.create',
    { kind: 'lost', category: 'other', title: '丢了东西', happenedAt: api.clock.now() - 60_000, ...input },
    rid('lf'),
  )
}
const created = async (api: TestApi, openId: string, input: Record<string, unknown>) =>
  dataOf<LostPostDetail>(await post(api, openId, input))
const get = async (api: TestApi, openId: string, postId: string) =>
  dataOf<LostPostDetail>(await api.call(openId, 'lostfound.get', { postId }))
const list = async (api: TestApi, openId: string, input: Record<string, unknown> = {}) =>
  dataOf<Page>(await api.call(openId, 'lostfound.list', input))
const act = async (api: TestApi, openId: string, action: string, input: Record<string, unknown>) =>
  api.call(openId, action, input, rid('lfa'))

/** The worker's found ID card in gd_nz_01, street-wide, with a photo; answered by the month of birth. */
async function foundCard(api: TestApi) {
  const photo = await uploadPhoto(api, userIdFor(worker), worker)
  return created(api, worker, {
    kind: 'found',
    category: 'id_card',
    title: '捡到身份证',
    text: `在服务站门口捡到身份证，号码 ${ID}，电话联系 ${PHONE}`,
    question: '出生月份？',
    place: '便民服务站',
    photos: [photo],
    gridId: 'gd_nz_01',
    wide: true,
  })
}

async function claimAccepted(api: TestApi, postId: string, claimant: string) {
  const claim = dataOf<ClaimView>(await act(api, claimant, 'lostfound.claim', { postId, answer: '一月' }))
  dataOf(await act(api, worker, 'lostfound.decide', { claimId: claim.id, accept: true }))
  const mine = await get(api, claimant, postId)
  const code = mine.claims.find((c) => c.id === claim.id)?.code
  if (!code) throw new Error('the claimant should read the code')
  return { claimId: claim.id, code }
}

describe('search words', () => {
  test('come from the masked text and the category, never a number or a mask', () => {
    const words = wordsOf('捡到身份证', '号码3708**********1236，电话138****9999，黑色钱包', 'id_card')
    expect(words).toEqual(expect.arrayContaining(['身份', '钱包', '黑色', '证件']))
    expect(words.some((w) => /[\d*]/.test(w))).toBe(false)
    expect(queryWords('黑色 钱包')).toEqual(['钱包', '黑色'])
    expect(queryWords('370811')).toEqual([])
  })
})

describe('masking in posts', () => {
  test.each([
    ['a valid check digit', `号码 ${ID}`, '3708**********1236'],
    ["a wrong check digit (a typo is still someone's number)", '号码370811199001011234', '3708**********1234'],
    ['full-width digits with spaces', '号码 ３７０８１１ １９９００１０１ １２３６', '3708**********1236'],
    ['dashes inside other words', '捡到证件370811-19900101-1236一张', '捡到证件3708**********1236一张'],
    ['a phone and a bank card', '电话138-0537-9999，卡号6222 0212 3456 7890 123', '138****9999'],
  ])('%s: the public form is masked before it is stored, and never a search word', async (_, text, masked) => {
    const api = await createTestApi({ seed: true })
    const post = await created(api, resident, { category: 'id_card', title: '丢了证件', text })
    const stored = await api.deps.store.get('lostposts', post.id)
    expect(String(stored?.publicText)).toContain(masked)
    expect(findSensitiveNumbers(String(stored?.publicText))).toEqual([])
    expect((stored?.words as string[]).some((w) => /[\d０-９*]/.test(w))).toBe(false)
    expect((await get(api, neighbour, post.id)).text).toBe(stored?.publicText)
  })
})

describe('posting', () => {
  test('numbers are masked for everyone but the poster, staff included; a 证件 photo is seen by the finder and staff only', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    expect(card.text).toContain(ID)
    expect(card.photoUrls).toHaveLength(1)

    const seen = await get(api, resident, card.id)
    expect(seen.text).toContain('3708**********1236')
    expect(seen.text).toContain('138****9999')
    expect(findSensitiveNumbers(JSON.stringify(seen))).toEqual([])
    expect(seen.photoUrls).toEqual([])
    expect(seen.photoUrl).toBeNull()
    expect(seen.can).toEqual(['claim'])
    expect(seen.question).toBe('出生月份？')

    // Street-wide: a resident of another grid of 南张 reads it in the street list, masked.
    const admin = demoOpenId('community_admin')
    const asAdmin = await get(api, admin, card.id)
    expect(asAdmin.text).not.toContain(ID)
    expect(asAdmin.photoUrls).toHaveLength(1)
    const street = await list(api, resident, { scope: 'street' })
    expect(street.items.map((i) => i.id)).toContain(card.id)
    expect(JSON.stringify(street.items.find((i) => i.id === card.id))).not.toContain(ID)

    // 古槐 never sees 南张's posts, by id or in its lists.
    expect(await api.call(ghResident, 'lostfound.get', { postId: card.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect((await list(api, ghResident, { scope: 'street' })).items.map((i) => i.id)).not.toContain(card.id)
  })

  test('a grid-only post stays in its grid: another grid of the same street does not see it', async () => {
    const api = await createTestApi({ seed: true })
    const mine = await created(api, resident, { title: '丢失老花镜', text: '在小区花园丢失老花镜一副' })
    expect(mine.gridId).toBe('gd_nz_01')
    expect(mine.wide).toBe(false)
    expect((await list(api, neighbour)).items.map((i) => i.id)).toContain(mine.id)
    expect((await list(api, neighbour, { scope: 'street' })).items.map((i) => i.id)).not.toContain(mine.id)
    // A resident of 南张社区第二网格 (seeded member who joins online) does not see it.
    const other = 'wx-nz02-resident'
    const code = String((await api.deps.store.get('grids', 'gd_nz_02'))?.joinCode)
    dataOf(await act(api, other, 'grids.join', { code, building: '5', unit: '1', room: '101' }))
    expect(await api.call(other, 'lostfound.get', { postId: mine.id })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    expect((await list(api, other)).items.map((i) => i.id)).not.toContain(mine.id)
    expect(await api.call(other, 'lostfound.list', { gridId: 'gd_nz_01' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
  })

  test('bad input changes nothing: content, future time, 寻人 by a resident, a question on a lost post, no grid', async () => {
    const api = await createTestApi({ seed: true })
    expect(await post(api, resident, { text: '出售冰毒' })).toMatchObject({ error: { code: 'CONTENT_REJECTED' } })
    expect(await post(api, resident, { happenedAt: api.clock.now() + 2 * DAY })).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'happenedAt' }] },
    })
    expect(await post(api, resident, { kind: 'person' })).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'gridId' }] },
    })
    expect(await post(api, resident, { kind: 'person', gridId: 'gd_nz_01' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(await post(api, resident, { question: '什么颜色' })).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'question' }] },
    })
    expect(await post(api, 'wx-nobody', {})).toMatchObject({
      error: { code: 'VALIDATION', fields: [{ path: 'gridId' }] },
    })
    expect(await post(api, resident, { title: '' })).toMatchObject({ error: { code: 'VALIDATION' } })
    expect(dataOf<Page>(await api.call(resident, 'lostfound.mine', {})).items.map((i) => i.id)).toEqual([
      'lp_demo_wallet',
    ])
  })

  test(`at most ${POSTS_PER_DAY} posts a day, also when 8 arrive at once; a retried request posts once`, async () => {
    const api = await createTestApi({ seed: true })
    const same = rid('lf-same')
    const payload = { kind: 'lost', title: '丢钥匙', happenedAt: api.clock.now() }
    const [a, b] = await Promise.all([
      api.call(resident, 'lostfound.create', payload, same),
      api.call(resident, 'lostfound.create', payload, same),
    ])
    expect(dataOf<LostPostDetail>(a).id).toBe(dataOf<LostPostDetail>(b).id)
    const results = await Promise.all(Array.from({ length: 8 }, () => post(api, resident, {})))
    expect(results.filter((r) => r.ok)).toHaveLength(POSTS_PER_DAY - 1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true)
    expect(await api.deps.store.count('lostposts', { ownerId: userIdFor(resident) })).toBe(1 + POSTS_PER_DAY)
    api.clock.advance(DAY + 1000)
    expect((await post(api, resident, {})).ok).toBe(true)
  })
})

describe('lists and search', () => {
  test('filters by kind and category are part of the query; search finds words, never numbers', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    api.clock.advance(1000)
    const keys = await created(api, worker, {
      kind: 'found',
      category: 'keys',
      title: '捡到钥匙一串',
      text: '红色挂件',
      gridId: 'gd_nz_01',
    })
    const ids = async (input: Record<string, unknown>) => (await list(api, worker, input)).items.map((i) => i.id)
    expect(await ids({})).toEqual(expect.arrayContaining([card.id, keys.id, 'lp_demo_wallet', 'lp_demo_person']))
    expect(await ids({ kind: 'found' })).toEqual([keys.id, card.id, 'lp_demo_idcard'])
    expect(await ids({ category: 'keys' })).toEqual([keys.id])
    expect(await ids({ kind: 'lost', category: 'wallet' })).toEqual(['lp_demo_wallet'])
    expect(await ids({ q: '钥匙' })).toEqual([keys.id])
    expect(await ids({ q: '身份证' })).toEqual([card.id, 'lp_demo_idcard'])
    expect(await ids({ q: '身份证', kind: 'lost' })).toEqual([])
    expect(await ids({ q: '红色 钥匙' })).toEqual([keys.id])
    expect(await ids({ q: '证件' })).toEqual([card.id, 'lp_demo_idcard'])
    expect(await ids({ q: ID })).toEqual([])
    expect(await ids({ q: '1236' })).toEqual([])
    expect(await ids({ from: api.clock.now() - 1000 })).toEqual([keys.id, card.id])
    expect(await ids({ from: api.clock.now() - 1000, to: api.clock.now() })).toEqual([card.id])
    // A closed post leaves the list and the search.
    dataOf(await act(api, worker, 'lostfound.close', { postId: keys.id, reason: '失主已领回' }))
    expect(await ids({ q: '钥匙' })).toEqual([])
    expect(await api.deps.store.count('lostwords', { gridId: 'gd_nz_01', word: '钥匙' })).toBe(0)
  })

  test('pages are full and every post comes once across pages', async () => {
    const api = await createTestApi({ seed: true })
    for (let i = 0; i < 45; i++) {
      await api.deps.store.insert('lostposts', {
        ...(await api.deps.store.get('lostposts', 'lp_demo_wallet'))!,
        _id: `lp_bulk_${i}`,
        createdAt: api.clock.now() - i * 1000,
        version: 0,
      })
    }
    const seen: string[] = []
    let cursor: string | null = null
    const sizes: number[] = []
    do {
      const page: Page = await list(api, resident, cursor ? { cursor } : {})
      sizes.push(page.items.length)
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(sizes).toEqual([20, 20, 8]) // 45 + wallet + id card + 寻人
    expect(new Set(seen).size).toBe(48)
  })
})

describe('matching', () => {
  test('a new 失物招领 suggests the matching 寻物启事 and tells its poster; far away or long before does not match', async () => {
    const api = await createTestApi({ seed: true })
    api.clock.advance(1000)
    const near = { lat: 35.4021, lng: 116.5806 }
    const lost = await created(api, resident, {
      category: 'wallet',
      title: '丢失棕色钱包',
      location: near,
      happenedAt: api.clock.now() - 2 * DAY,
    })
    const old = await created(api, neighbour, {
      category: 'wallet',
      title: '很久以前丢的钱包',
      happenedAt: api.clock.now() - 200 * DAY,
    })
    const found = await created(api, worker, {
      kind: 'found',
      category: 'wallet',
      title: '捡到钱包',
      location: { lat: 35.405, lng: 116.583 },
      gridId: 'gd_nz_01',
      wide: true,
    })
    expect(found.matches.map((m) => m.id)).toEqual(expect.arrayContaining([lost.id, 'lp_demo_wallet']))
    expect(found.matches.map((m) => m.id)).not.toContain(old.id)
    const inbox = dataOf<{ items: { title: string; link: string | null }[] }>(
      await api.call(resident, 'messages.list', {}),
    )
    expect(inbox.items.filter((m) => m.title === '有人捡到了可能是您丢失的物品')).toHaveLength(2)
    expect(inbox.items[0]?.link).toBe(`/packages/lostfound/pages/detail/index?id=${found.id}`)
    // The lost post's owner sees the found one among its matches; a bystander sees no matches.
    expect((await get(api, resident, lost.id)).matches.map((m) => m.id)).toContain(found.id)
    expect((await get(api, neighbour, found.id)).matches).toEqual([])
    // Far away (another town) does not match.
    const far = await created(api, worker, {
      kind: 'found',
      category: 'wallet',
      title: '捡到钱包2',
      location: { lat: 35.5, lng: 116.7 },
      gridId: 'gd_nz_01',
    })
    expect(far.matches.map((m) => m.id)).not.toContain(lost.id)
  })
})

describe('claims and hand-over', () => {
  test('story 1: claim, accept, the code only the owner reads, hand-over returns both posts and records the return', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    const lost = await created(api, resident, { category: 'id_card', title: '丢了身份证' })
    const own = await act(api, worker, 'lostfound.claim', { postId: card.id, answer: '一月' })
    expect(own).toMatchObject({ error: { code: 'VALIDATION', message: '不能认领自己发布的物品' } })

    const claim = dataOf<ClaimView>(await act(api, resident, 'lostfound.claim', { postId: card.id, answer: '一月' }))
    expect(claim).toMatchObject({ state: 'pending', code: null, can: ['withdraw'] })
    const asWorker = await get(api, worker, card.id)
    expect(asWorker.claims).toEqual([
      expect.objectContaining({ id: claim.id, claimantName: '张桂英', text: '一月', can: ['accept', 'decline'] }),
    ])
    // A bystander neither sees the claim nor its answer.
    expect((await get(api, neighbour, card.id)).claims).toEqual([])

    const accepted = dataOf<ClaimView>(await act(api, worker, 'lostfound.decide', { claimId: claim.id, accept: true }))
    expect(accepted).toMatchObject({ state: 'accepted', code: null, can: ['handover'] })
    const code = (await get(api, resident, card.id)).claims[0]?.code
    expect(code).toMatch(/^\d{6}$/)

    const done = dataOf<ClaimView>(await act(api, worker, 'lostfound.handover', { claimId: claim.id, code }))
    expect(done.state).toBe('returned')
    const after = await get(api, resident, card.id)
    expect(after.state).toBe('returned')
    expect(after.handover).toMatchObject({ finderName: '刘晓燕', ownerName: '张桂英', pointsAwarded: true })
    expect((await get(api, resident, lost.id)).state).toBe('returned')
    expect(await api.deps.store.get('lostreturns', `ret_${card.id}`)).toMatchObject({
      finderId: userIdFor(worker),
      ownerId: userIdFor(resident),
      pointsAwarded: true,
    })
    // The finder earned the street's 拾金不昧 points, once, linked to the post.
    const ledger = dataOf<{ items: { points: number; reason: string; link: string | null }[] }>(
      await api.call(worker, 'credit.ledger', {}),
    )
    expect(ledger.items).toEqual([
      expect.objectContaining({ points: 50, link: `/packages/lostfound/pages/detail/index?id=${card.id}` }),
    ])
    // Done once: the same code again changes nothing; the bystander reads no hand-over.
    expect(dataOf<ClaimView>(await act(api, worker, 'lostfound.handover', { claimId: claim.id, code })).state).toBe(
      'returned',
    )
    expect((await get(api, neighbour, card.id)).handover).toBeNull()
  })

  test('five wrong codes lock the claim for an hour; the right code is refused meanwhile and works after', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    const { claimId, code } = await claimAccepted(api, card.id, resident)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 1; i <= 4; i++) {
      expect(await act(api, worker, 'lostfound.handover', { claimId, code: wrong })).toMatchObject({
        error: { code: 'VALIDATION', fields: [{ path: 'code', message: `交接码不正确，还可以再试 ${5 - i} 次` }] },
      })
    }
    expect(await act(api, worker, 'lostfound.handover', { claimId, code: wrong })).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    })
    expect(await act(api, worker, 'lostfound.handover', { claimId, code })).toMatchObject({
      error: { code: 'RATE_LIMITED', message: '交接码错误次数过多，请 60 分钟后再试' },
    })
    expect((await get(api, worker, card.id)).claims[0]?.can).toEqual([])
    api.clock.advance(CODE_LOCK_MS + 1000)
    expect(dataOf<ClaimView>(await act(api, worker, 'lostfound.handover', { claimId, code })).state).toBe('returned')
  })

  test('wrong codes sent at once all count', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    const { claimId, code } = await claimAccepted(api, card.id, resident)
    const wrong = code === '000000' ? '111111' : '000000'
    await Promise.all(
      Array.from({ length: 10 }, () => act(api, worker, 'lostfound.handover', { claimId, code: wrong })),
    )
    expect(await act(api, worker, 'lostfound.handover', { claimId, code })).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    })
  })

  test('two claimants: handled apart until one hand-over; at once only one wins; the other is declined and told', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    const a = await claimAccepted(api, card.id, resident)
    const b = await claimAccepted(api, card.id, neighbour)
    const [ra, rb] = await Promise.all([
      act(api, worker, 'lostfound.handover', a),
      act(api, worker, 'lostfound.handover', b),
    ])
    const wins = [ra, rb].filter((r) => r.ok)
    expect(wins).toHaveLength(1)
    expect([ra, rb].find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } })
    const claims = (await get(api, worker, card.id)).claims
    expect(claims.map((c) => c.state).sort()).toEqual(['declined', 'returned'])
    const loser = claims.find((c) => c.state === 'declined')
    expect(loser?.decisionNote).toBe('物品已由他人认领领回')
    const loserId = loser?.id === a.claimId ? resident : neighbour
    const inbox = dataOf<{ items: { title: string }[] }>(await api.call(loserId, 'messages.list', {}))
    expect(inbox.items.map((m) => m.title)).toContain('您认领的物品已由他人领回')
    expect(await api.deps.store.count('lostreturns', { pointsAwarded: true })).toBe(1)
  })

  test('one person claiming twice at once makes one claim; decline lets them try again', async () => {
    const api = await createTestApi({ seed: true })
    const card = await foundCard(api)
    const [x, y] = await Promise.all([
      act(api, resident, 'lostfound.claim', { postId: card.id, answer: '一月' }),
      act(api, resident, 'lostfound.claim', { postId: card.id, answer: '二月' }),
    ])
    expect(dataOf<ClaimView>(x).id).toBe(dataOf<ClaimView>(y).id)
    expect((await get(api, worker, card.id)).claims).toHaveLength(1)
    const id = dataOf<ClaimView>(x).id
    dataOf(await act(api, worker, 'lostfound.decide', { claimId: id, accept: false, note: '月份不对' }))
    const again = dataOf<ClaimView>(await act(api, resident, 'lostfound.claim', { postId: card.id, answer: '三月' }))
    expect(again.id).not.toBe(id)
    expect(again.state).toBe('pending')
    // The resident may not decide or hand over; a stranger of 古槐 does not see the claim.
    expect(await act(api, resident, 'lostfound.decide', { claimId: again.id, accept: true })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(await act(api, ghWorker, 'lostfound.decide', { claimId: again.id, accept: true })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })

  test('clues reach the poster privately; closing declines live claims; staff notify a resident of the grid', async () => {
    const api = await createTestApi({ seed: true })
    api.clock.advance(1000)
    const clue = dataOf<ClaimView>(
      await act(api, resident, 'lostfound.clue', { postId: 'lp_demo_person', text: `他儿子的电话 ${PHONE}` }),
    )
    expect(clue.state).toBe('sent')
    expect((await get(api, worker, 'lp_demo_person')).claims.map((c) => c.text)).toEqual([`他儿子的电话 ${PHONE}`])
    expect((await get(api, neighbour, 'lp_demo_person')).claims).toEqual([])
    expect(await act(api, resident, 'lostfound.clue', { postId: 'lp_demo_idcard', text: 'x' })).toMatchObject({
      error: { code: 'VALIDATION', message: '失物招领请直接认领' },
    })

    const card = await foundCard(api)
    const claim = dataOf<ClaimView>(await act(api, neighbour, 'lostfound.claim', { postId: card.id, answer: '五月' }))
    expect(await act(api, resident, 'lostfound.close', { postId: card.id, reason: '不要了' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    const sent = dataOf<{ name: string }>(
      await act(api, worker, 'lostfound.notify', { postId: card.id, membershipId: 'mb_demo_resident' }),
    )
    expect(sent.name).toBe('张桂英')
    const inbox = dataOf<{ items: { title: string; link: string | null }[] }>(
      await api.call(resident, 'messages.list', {}),
    )
    expect(inbox.items[0]).toMatchObject({
      title: '网格员捡到了可能属于您的物品',
      link: `/packages/lostfound/pages/detail/index?id=${card.id}`,
    })
    const closed = dataOf<LostPostDetail>(
      await act(api, worker, 'lostfound.close', { postId: card.id, reason: '已交派出所' }),
    )
    expect(closed.state).toBe('closed')
    expect((await get(api, worker, card.id)).claims.find((c) => c.id === claim.id)?.state).toBe('declined')
    expect(await act(api, neighbour, 'lostfound.claim', { postId: card.id, answer: '五月' })).toMatchObject({
      error: { code: 'CONFLICT' },
    })
  })
})

describe('expiry', () => {
  test('posts expire after 30 days (寻人 after 90) by the jobs tick, once; renewing opens them again', async () => {
    const api = await createTestApi({ seed: true })
    const tick = () => api.tick()
    api.clock.advance(29 * DAY)
    const before = (await list(api, worker)).items.map((i) => i.id)
    expect(before).toContain('lp_demo_wallet')
    api.clock.advance(2 * DAY)
    expect((await tick()).counts.expiredPosts).toBe(3)
    expect((await tick()).counts.expiredPosts).toBe(0)
    const open = (await list(api, worker)).items.map((i) => i.id)
    expect(open).toEqual(['lp_demo_person'])
    expect((await get(api, resident, 'lp_demo_wallet')).state).toBe('expired')
    expect((await get(api, resident, 'lp_demo_wallet')).can).toEqual(['renew'])
    const renewed = dataOf<LostPostDetail>(await act(api, resident, 'lostfound.renew', { postId: 'lp_demo_wallet' }))
    expect(renewed.state).toBe('open')
    expect(renewed.expiresAt).toBe(api.clock.now() + 30 * DAY)
    expect((await list(api, resident, { q: '钱包' })).items.map((i) => i.id)).toEqual(['lp_demo_wallet'])
    api.clock.advance(60 * DAY)
    await tick()
    await tick()
    expect((await get(api, worker, 'lp_demo_person')).state).toBe('expired')
  })
})
