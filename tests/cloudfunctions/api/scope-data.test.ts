/**
 * Lists answer only what the caller's scope holds: for every demo person of both streets and every
 * read action, each item returned is checked against the person's scope written out by hand below
 * (not computed by the code under test). Then a privacy scan: no unmasked phone, ID or bank number
 * leaves the function outside the owner's own profile and words, and the audited look-ups.
 */
import { actions, hasUnmaskedNumber, type ActionName, type Role } from '../../../types'
import { createTestApi, dataOf, type TestApi } from '../../helpers/api'
import { IN_GH01, IN_NZ01, OUTSIDE, rid } from '../../helpers/orders'
import { DEMO_PEOPLE, demoOpenId, STREET_2_ID, STREET_ID } from '../../../scripts/seed/demo'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoLostPosts } from '../../../scripts/seed/lostfound'

interface Scope {
  streets?: string[]
  communities?: string[]
  grids?: string[]
  departments?: string[]
  /** The person's own streets (grants and home grid): departments and categories they see. */
  home: string[]
  /** The highest staff rank held, for invites (a grant never sees one beside or above itself). */
  rank: number
}

/** Each demo person's scope, from the seed's grants (scripts/seed/demo.ts) and the scope rules. */
const SCOPES: Record<string, Scope> = {
  resident: { home: [STREET_ID], rank: 0 },
  rider: { home: [], rank: 0 },
  building_head: { grids: ['gd_nz_01'], home: [STREET_ID], rank: 1 },
  grid_worker: { grids: ['gd_nz_01', 'gd_nz_02'], home: [STREET_ID], rank: 2 },
  department: { departments: ['dp_police'], home: [STREET_ID], rank: 2 },
  civic_officer: { departments: ['dp_chuangcheng'], home: [STREET_ID], rank: 2 },
  yibao_officer: { departments: ['dp_yibao'], home: [STREET_ID], rank: 2 },
  community_admin: { communities: ['cm_nanzhang'], home: [STREET_ID], rank: 3 },
  street_admin: { streets: [STREET_ID], home: [STREET_ID], rank: 4 },
  gh_resident: { home: [STREET_2_ID], rank: 0 },
  gh_grid_worker: { grids: ['gd_gh_01'], home: [STREET_2_ID], rank: 2 },
  gh_community_admin: { communities: ['cm_guhuai'], home: [STREET_2_ID], rank: 3 },
  gh_street_admin: { streets: [STREET_2_ID], home: [STREET_2_ID], rank: 4 },
  // A 兑换点's counter staff: no street, grid or community of their own (vouchers are checked by code).
  counter: { home: [], rank: 1 },
}
const RANK: Record<Role, number> = {
  resident: 0,
  rider: 0,
  building_head: 1,
  grid_worker: 2,
  department: 2,
  community_admin: 3,
  street_admin: 4,
  counter_staff: 1,
}

interface PlaceFields {
  streetId?: string | null
  communityId?: string | null
  gridId?: string | null
  departmentId?: string | null
  jointDepartmentIds?: string[]
}
const holds = (s: Scope, p: PlaceFields) =>
  (p.streetId != null && (s.streets ?? []).includes(p.streetId)) ||
  (p.communityId != null && (s.communities ?? []).includes(p.communityId)) ||
  (p.gridId != null && (s.grids ?? []).includes(p.gridId)) ||
  [p.departmentId, ...(p.jointDepartmentIds ?? [])].some((d) => d != null && (s.departments ?? []).includes(d))

let api: TestApi
const orderIds: string[] = []
/** What each person typed in the setup: shown back to its author unmasked, by design. */
const OWN_WORDS: Record<string, string[]> = {
  gh_resident: ['5号楼前路灯坏了一周，晚上很黑，联系电话13905371111。'], // the seeded lamp report
  // The seeded lost-and-found posts (scripts/seed/lostfound.ts): their posters read them as typed.
  grid_worker: demoLostPosts(0)
    .filter((p) => p._id === 'lp_demo_idcard')
    .map((p) => p.text),
  resident: demoLostPosts(0)
    .filter((p) => p._id === 'lp_demo_wallet')
    .map((p) => p.text),
}

/** Data in both streets: reports with numbers typed in, a street-queue report, a transfer, invites, look-ups. */
beforeAll(async () => {
  api = await createTestApi({ seed: true })
  const report = async (who: string, location: { lat: number; lng: number }, text: string) => {
    OWN_WORDS[who] = [...(OWN_WORDS[who] ?? []), text]
    const payload = { source: 'snap', categoryId: 'cat_traffic', text, location }
    return dataOf<{ id: string }>(await api.call(demoOpenId(who), 'orders.create', payload, rid())).id
  }
  orderIds.push(await report('rider', IN_NZ01, '车主电话 138 0537 1234，身份证370811199001011234'))
  orderIds.push(await report('rider', OUTSIDE, '路口护栏倒了，联系０５３７ 手机１３９０５３７５６７８'))
  orderIds.push(await report('gh_resident', IN_GH01, '卡号6222 0212 3456 7890 123的钱包丢在这里'))
  orderIds.push(await report('resident', { lat: 35.4068, lng: 116.5806 }, '楼下垃圾桶满了，电话+86-13905371234'))
  const transfer = { type: 'transfer', departmentId: 'dp_police', reason: '涉及治安，电话13805370001' }
  OWN_WORDS.grid_worker = [...(OWN_WORDS.grid_worker ?? []), `转派至警务：${transfer.reason}`]
  dataOf(await api.call(demoOpenId('grid_worker'), 'orders.act', { orderId: orderIds[0], event: transfer }, rid()))
  orderIds.push('od_demo_roof', 'od_demo_pension', 'od_demo_gh_lamp')
  for (const [issuer, grants] of [
    [
      'street_admin',
      [
        { role: 'grid_worker', gridIds: ['gd_nz_01'] },
        { role: 'grid_worker', gridIds: ['gd_aj_01'] },
        { role: 'street_admin' },
      ],
    ],
    [
      'street_admin',
      [
        { role: 'community_admin', communityId: 'cm_xinzha' },
        { role: 'department', departmentId: 'dp_police' },
      ],
    ],
    [
      'gh_street_admin',
      [
        { role: 'grid_worker', gridIds: ['gd_gh_01'] },
        { role: 'community_admin', communityId: 'cm_guhuai' },
      ],
    ],
  ] as const)
    for (const grant of grants) dataOf(await api.call(demoOpenId(issuer), 'invites.create', grant, rid()))
  dataOf(await api.call(demoOpenId('grid_worker'), 'grids.members', { gridId: 'gd_nz_01' }))
  dataOf(await api.call(demoOpenId('gh_grid_worker'), 'grids.members', { gridId: 'gd_gh_01' }))
  api.clock.advance(5 * 3600_000)
  await api.tick()
})

const people = DEMO_PEOPLE.map((p) => p.key)
const doc = async (collection: 'orders' | 'invites' | 'audit' | 'departments' | 'categories', id: string) => {
  const found = await api.deps.store.get(collection, id)
  if (!found) throw new Error(`${collection}/${id} missing`)
  return found as Record<string, unknown> & PlaceFields
}
const items = async (key: string, action: ActionName, payload: Record<string, unknown> = {}) => {
  const res = await api.call(demoOpenId(key), action, payload)
  return res.ok ? (res.data as { items: { id: string }[] }).items : []
}

describe.each(people)('what %s is shown', (key) => {
  const scope = SCOPES[key] as Scope
  const me = userIdFor(demoOpenId(key))

  test('orders: 待办, 督办 and 我的上报 hold only orders in scope or of their own', async () => {
    const listed = [...(await items(key, 'orders.inbox')), ...(await items(key, 'orders.overdue'))]
    for (const { id } of listed) expect([id, holds(scope, await doc('orders', id))]).toEqual([id, true])
    for (const { id } of await items(key, 'orders.mine')) expect((await doc('orders', id)).reporterId).toBe(me)
  })

  test('the desk: its most urgent items are in scope, and its grids and departments are their own', async () => {
    const res = await api.call(demoOpenId(key), 'desk.get', {})
    const desk = res.ok ? (res.data as { urgent: { id: string }[]; grids: { id: string }[] }) : null
    for (const { id } of desk?.urgent ?? []) expect([id, holds(scope, await doc('orders', id))]).toEqual([id, true])
    for (const { id } of desk?.grids ?? []) expect([id, (scope.grids ?? []).includes(id)]).toEqual([id, true])
  })

  test('an order opens only in scope or for its reporter and followers (NOT_FOUND otherwise)', async () => {
    for (const id of orderIds) {
      const order = await doc('orders', id)
      const staffRoles = !(scope.grids && key === 'building_head')
      const visible =
        order.reporterId === me || (order.followerIds as string[]).includes(me) || (staffRoles && holds(scope, order))
      const res = await api.call(demoOpenId(key), 'orders.get', { orderId: id })
      expect([id, res.ok ? 'ok' : res.error.code]).toEqual([id, visible ? 'ok' : 'NOT_FOUND'])
    }
  })

  test('invites: only within scope, and only for roles below the caller', async () => {
    for (const { id } of await items(key, 'invites.list')) {
      const invite = await doc('invites', id)
      const role = (invite.grant as { role: Role }).role
      expect([
        id,
        holds(scope, invite),
        RANK[role] < scope.rank || (scope.rank === 4 && role === 'street_admin'),
      ]).toEqual([id, true, true])
    }
  })

  test('the audit log: only entries of their street or community', async () => {
    for (const { id } of await items(key, 'audit.list'))
      expect([id, holds(scope, await doc('audit', id))]).toEqual([id, true])
  })

  test('departments and categories: only of their own streets', async () => {
    for (const { id } of await items(key, 'departments.list'))
      expect([id, scope.home.includes(String((await doc('departments', id)).streetId))]).toEqual([id, true])
    const categories = await items(key, 'categories.list')
    if (scope.home.length)
      for (const { id } of categories)
        expect([id, scope.home.includes(String((await doc('categories', id)).streetId))]).toEqual([id, true])
    else
      expect(categories.map((c) => (c as unknown as { name: string }).name)).toEqual([
        ...new Set(categories.map((c) => (c as unknown as { name: string }).name)),
      ])
  })

  test('the grid tree: only streets, communities and grids they administer', async () => {
    const res = await api.call(demoOpenId(key), 'grids.tree', {})
    if (!res.ok) return expect([key, res.error.code]).toEqual([key, 'FORBIDDEN'])
    const tree = res.data as { streets: { id: string; communities: { id: string; grids: { id: string }[] }[] }[] }
    for (const street of tree.streets)
      for (const community of street.communities) {
        const allowed = (scope.streets ?? []).includes(street.id) || (scope.communities ?? []).includes(community.id)
        expect([community.id, allowed]).toEqual([community.id, true])
      }
  })

  test('messages: only their own', async () => {
    for (const { id } of await items(key, 'messages.list')) {
      const message = await api.deps.store.get('messages', id)
      expect(message?.userId).toBe(me)
    }
  })
})

/** Read actions and a payload each; look-ups that are audited by design (resident records, calling a worker) are left out. */
const READS: Partial<Record<ActionName, (key: string) => Record<string, unknown>[]>> = {
  'grids.tree': () => [{}],
  'grids.get': () => [{ gridId: 'gd_nz_01' }, { gridId: 'gd_gh_01' }],
  'grids.locate': () => [IN_NZ01],
  'departments.list': () => [{}],
  'categories.list': () => [{}],
  'invites.list': () => [{}],
  'audit.list': () => [{}],
  'jobs.recent': () => [{}],
  'messages.list': () => [{}],
  'desk.get': () => [{}],
  'desk.building': () => [{ gridId: 'gd_nz_01' }],
  'feed.list': () => [{ gridId: 'gd_nz_01' }, { gridId: 'gd_gh_01' }],
  'feed.get': () => ['fp_demo_pension', 'fp_demo_water', 'fp_demo_gh_notice'].map((postId) => ({ postId })),
  'feed.search': () => [{ gridId: 'gd_nz_01', q: '养老保险' }],
  'questions.list': () => [
    { gridId: 'gd_nz_01' },
    { gridId: 'gd_nz_01', which: 'pending' },
    { gridId: 'gd_nz_01', which: 'mine' },
  ],
  'questions.get': () => [{ questionId: 'qs_demo_roof' }],
  'groups.resolve': () => [{ group: { demo: 'scope-scan' } }],
  'grids.outlines': () => [{ gridId: 'gd_nz_01' }, { gridId: 'gd_gh_01' }],
  'orders.suggestDuplicates': () => [{ categoryId: 'cat_traffic', location: IN_NZ01 }],
  'orders.inbox': () => [{}],
  'orders.overdue': () => [{}],
  'orders.mine': () => [{}],
  'orders.get': () => orderIds.map((orderId) => ({ orderId })),
  'files.prepareUpload': () => [{}],
  'lostfound.list': () => [{}, { scope: 'street' }, { scope: 'street', q: '身份证' }, { gridId: 'gd_nz_02' }],
  'lostfound.mine': () => [{}],
  'lostfound.get': () =>
    ['lp_demo_idcard', 'lp_demo_wallet', 'lp_demo_person', 'lp_demo_gh_keys'].map((postId) => ({ postId })),
  'lostfound.claims': () => [{ which: 'mine' }, { which: 'received' }, { which: 'grid' }],
  'credit.summary': () => [{}],
  'credit.ledger': () => [{}],
  'credit.rules': () => [{}],
  'credit.stats': () => [{}],
  'market.list': () => [{}, { manage: true }],
  'market.vouchers': () => [{}],
  'market.exchangePoints': () => [{}],
  'activities.list': () => [{}],
  'activities.get': () => [{ activityId: 'act_demo_clean' }],
}
const AUDITED: ActionName[] = ['grids.members', 'grids.callWorker', 'grids.poster', 'grids.joinPreview', 'feed.unread']

test('every read action is either scanned below or an audited look-up', () => {
  const reads = (Object.keys(actions) as ActionName[]).filter((a) => !actions[a].mutating && a !== 'me.get')
  expect(reads.filter((a) => !(a in READS) && !AUDITED.includes(a))).toEqual([])
})

/** Removes what `key` typed themselves: their own words come back to them as written. */
const withoutOwnWords = (key: string, text: string) =>
  (OWN_WORDS[key] ?? []).reduce((t, words) => t.split(words).join(''), text)

test.each(people)('privacy scan: nothing %s reads carries an unmasked number but their own words', async (key) => {
  for (const [action, payloads] of Object.entries(READS) as [ActionName, (k: string) => Record<string, unknown>[]][]) {
    for (const payload of payloads(key)) {
      const res = await api.call(demoOpenId(key), action, payload)
      const text = withoutOwnWords(key, JSON.stringify(res.ok ? res.data : res.error))
      expect([action, payload, hasUnmaskedNumber(text)]).toEqual([action, payload, false])
    }
  }
})
