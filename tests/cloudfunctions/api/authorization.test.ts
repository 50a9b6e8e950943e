/**
 * The authorization matrix: every action × every role × own place / the other street's place.
 * Own = 南张街道 (南张社区第一网格 gd_nz_01, its community and street); other = 古槐街道 (gd_gh_01).
 * Expected outcomes are written from the scope rules (issue "Every action knows where it may act"),
 * not computed from the code. A new action must be added here, or the first test fails.
 */
import { actions, ROLES, type ActionName, type Role, type RoleGrant } from '../../../types'
import { createTestApi, dataOf, type TestApi } from '../../helpers/api'
import { IN_NZ01 } from '../../helpers/orders'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoOpenId, STREET_ID, STREET_2_ID } from '../../../scripts/seed/demo'

type Scope = 'own' | 'other'
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND'
const ANY = ROLES
const ADMINS: readonly Role[] = ['community_admin', 'street_admin']
const STAFF: readonly Role[] = ['grid_worker', ...ADMINS]
const ORDER_STAFF: readonly Role[] = ['grid_worker', 'department', ...ADMINS]
const pick = <T>(s: Scope, own: T, other: T) => (s === 'own' ? own : other)
const grid = (s: Scope) => pick(s, 'gd_nz_01', 'gd_gh_01')
const SQUARE = [
  { lat: 35.43, lng: 116.6 },
  { lat: 35.43, lng: 116.605 },
  { lat: 35.434, lng: 116.605 },
  { lat: 35.434, lng: 116.6 },
]

/** The grant a test caller of `role` holds: scoped to the own grid / community / street of 南张. */
const GRANTS: Record<Role, RoleGrant> = {
  resident: { role: 'resident' },
  rider: { role: 'rider' },
  building_head: { role: 'building_head', gridIds: ['gd_nz_01'] },
  grid_worker: { role: 'grid_worker', gridIds: ['gd_nz_01'] },
  department: { role: 'department', departmentId: 'dp_police' },
  community_admin: { role: 'community_admin', communityId: 'cm_nanzhang' },
  street_admin: { role: 'street_admin', streetId: STREET_ID },
  counter_staff: { role: 'counter_staff', exchangePointId: 'ex_nz_center' },
}

async function joinCodeOf(api: TestApi, gridId: string): Promise<string> {
  return String((await api.deps.store.get('grids', gridId))?.joinCode)
}

/** Own = a grid-worker invite for gd_nz_01 issued by 南张's street admin; other = 古槐's for gd_gh_01. */
async function inviteIn(api: TestApi, s: Scope): Promise<{ id: string; code: string }> {
  const issuer = demoOpenId(pick(s, 'street_admin', 'gh_street_admin'))
  const res = await api.call(issuer, 'invites.create', { role: 'grid_worker', gridIds: [grid(s)] }, `setup-invite-${s}`)
  return dataOf<{ id: string; code: string }>(res)
}

/** Own = a report with a phone number in gd_nz_01; other = the seeded lamp report in gd_gh_01. */
async function orderIn(api: TestApi, s: Scope): Promise<string> {
  if (s === 'other') return 'od_demo_gh_lamp'
  const payload = { source: 'snap', categoryId: 'cat_hygiene', text: '垃圾满溢，电话13805379999', location: IN_NZ01 }
  return dataOf<{ id: string }>(await api.call('matrix-reporter', 'orders.create', payload, 'setup-order-own')).id
}

/** A notice of the street admin for the grid of that street (own: gd_nz_01; other: gd_gh_01). */
async function postIn(api: TestApi, s: Scope): Promise<string> {
  const admin = demoOpenId(pick(s, 'street_admin', 'gh_street_admin'))
  const payload = {
    kind: 'notice',
    title: '停水通知',
    body: '明天上午九点至十二点停水',
    target: { gridIds: [grid(s)] },
  }
  return dataOf<{ id: string }>(await api.call(admin, 'feed.publish', payload, `setup-post-${s}`)).id
}

/** A question of the grid's resident (own: 张桂英 in gd_nz_01; other: 卫秀珍 in gd_gh_01). */
async function questionIn(api: TestApi, s: Scope): Promise<string> {
  const asker = demoOpenId(pick(s, 'resident', 'gh_resident'))
  const payload = { text: '外地的养老保险怎么转到济宁来？' }
  return dataOf<{ id: string }>(await api.call(asker, 'questions.ask', payload, `setup-question-${s}`)).id
}

const GRID_PEOPLE: readonly Role[] = ['building_head', 'grid_worker', 'department', ...ADMINS]
const PUBLISHERS: readonly Role[] = ['grid_worker', 'department', ...ADMINS]
/** Members and staff of the grid read it; the rest never learn it exists. */
function gridReaders(role: Role, s: Scope): Outcome {
  return s === 'own' && GRID_PEOPLE.includes(role) ? 'ok' : 'NOT_FOUND'
}
/** What only the author or the asker may do: staff in scope reach it and are refused; others never see it. */
function onlyTheirs(roles: readonly Role[]) {
  return (role: Role, s: Scope): Outcome =>
    !roles.includes(role) ? 'FORBIDDEN' : s === 'own' ? 'FORBIDDEN' : 'NOT_FOUND'
}

interface Row {
  allowed: readonly Role[]
  /** Whether the place lies in a street: then the other street is refused to every role. */
  scoped: boolean
  payload: (api: TestApi, s: Scope, caller: string) => Promise<unknown> | unknown
  /** For actions whose answer depends on more than the role list and the street. */
  expect?: (role: Role, s: Scope) => Outcome
}

/** Private things (orders, invites, messages) answer NOT_FOUND out of scope, so their existence does not leak. */
function orderScope(role: Role, s: Scope): Outcome {
  return s === 'own' && ['grid_worker', 'community_admin', 'street_admin'].includes(role) ? 'ok' : 'NOT_FOUND'
}
function revealScope(role: Role, s: Scope): Outcome {
  if (!ORDER_STAFF.includes(role)) return 'FORBIDDEN'
  return orderScope(role, s)
}
function inviteScope(role: Role, s: Scope): Outcome {
  if (!ADMINS.includes(role)) return 'FORBIDDEN'
  return s === 'own' ? 'ok' : 'NOT_FOUND'
}
/**
 * Residents of a grid and the people who serve it (its workers and building heads, departments that
 * entered it — 警务 entered gd_nz_01 — and its admins) may call its worker; matrix callers live in no grid,
 * and counter staff serve a 兑换点, not a grid.
 */
function callScope(role: Role, s: Scope): Outcome {
  return s === 'own' && !['resident', 'rider', 'counter_staff'].includes(role) ? 'ok' : 'FORBIDDEN'
}

/** Lost and found: own = 南张社区第一网格's seeded posts, other = 古槐's found keys (street-wide in 古槐). */
const LOST_POST = { own: 'lp_demo_wallet', other: 'lp_demo_gh_keys' }
/** Who holds 南张社区第一网格: its worker and building head (by grant) and its admins; matrix callers live nowhere. */
const NZ01_HOLDERS: readonly Role[] = ['grid_worker', 'building_head', ...ADMINS]
function lostScope(role: Role, s: Scope): Outcome {
  return s === 'own' && NZ01_HOLDERS.includes(role) ? 'ok' : 'NOT_FOUND'
}
/** Editing, deciding, handing over: the holders who are lost-and-found staff; a building head sees but may not. */
function lostStaffScope(role: Role, s: Scope): Outcome {
  const seen = lostScope(role, s)
  return seen === 'ok' && role === 'building_head' ? 'FORBIDDEN' : seen
}
/** A claim by the demo resident of each street on a found post there (accepted first when `accepted`). */
async function lostClaimIn(api: TestApi, s: Scope, accepted = false): Promise<{ claimId: string; code: string }> {
  const postId = pick(s, 'lp_demo_idcard', 'lp_demo_gh_keys')
  const claimant = demoOpenId(pick(s, 'resident', 'gh_resident'))
  const made = dataOf<{ id: string }>(
    await api.call(claimant, 'lostfound.claim', { postId, answer: '三月' }, `setup-claim-${s}`),
  )
  if (accepted) {
    const finder = demoOpenId(pick(s, 'grid_worker', 'gh_grid_worker'))
    dataOf(await api.call(finder, 'lostfound.decide', { claimId: made.id, accept: true }, `setup-accept-${s}`))
  }
  const stored = await api.deps.store.get('lostclaims', made.id)
  return { claimId: made.id, code: String(stored?.code) }
}

/** Credit: points given straight to a test person (account and entry), so a redemption can be paid. */
async function givePoints(api: TestApi, openId: string, points: number): Promise<void> {
  const userId = userIdFor(openId)
  await api.deps.store.insert('accounts', {
    _id: `acct_${userId}`,
    userId,
    balance: points,
    earned: points,
    spent: 0,
    expired: 0,
    streetId: null,
    gridId: null,
    rankHidden: false,
    version: 0,
  })
}
/** Who has 南张 as a street: every grant there but counter staff's (a 兑换点 is no street) and people living nowhere. */
const NZ_PEOPLE: readonly Role[] = ['building_head', 'grid_worker', 'department', ...ADMINS]
const nzScope = (role: Role, s: Scope): Outcome => (s === 'own' && NZ_PEOPLE.includes(role) ? 'ok' : 'NOT_FOUND')
/** A voucher of each street's park tickets, redeemed by its demo resident. */
async function voucherIn(api: TestApi, s: Scope): Promise<string> {
  const owner = demoOpenId(pick(s, 'resident', 'gh_resident'))
  if (s === 'other') await givePoints(api, owner, 100)
  const res = await api.call(owner, 'market.redeem', { itemId: pick(s, 'mi_nz_park', 'mi_gh_park') }, `setup-v-${s}`)
  const id = dataOf<{ id: string }>(res).id
  return String((await api.deps.store.get('vouchers', id))?.code)
}
/** An activity of each street (古槐's made by its street admin), with the demo resident signed up and, if asked, checked in. */
async function activityIn(
  api: TestApi,
  s: Scope,
  checkedIn = false,
): Promise<{ activityId: string; signupId: string; code: string }> {
  let activityId = 'act_demo_clean'
  if (s === 'other') {
    const start = api.deps.clock.now() + 86_400_000
    const input = { title: '古槐义诊', place: '古槐广场', startsAt: start, endsAt: start + 3_600_000, capacity: 5 }
    activityId = dataOf<{ id: string }>(
      await api.call(demoOpenId('gh_street_admin'), 'activities.create', input, 'setup-act'),
    ).id
  }
  const volunteer = demoOpenId(pick(s, 'resident', 'gh_resident'))
  dataOf(await api.call(volunteer, 'activities.signup', { activityId }, `setup-signup-${s}`))
  const signupId = `su_${activityId}_${userIdFor(volunteer)}`
  const code = String((await api.deps.store.get('signups', signupId))?.code)
  if (checkedIn) {
    const staff = demoOpenId(pick(s, 'community_admin', 'gh_street_admin'))
    dataOf(await api.call(staff, 'activities.checkin', { activityId, code }, `setup-checkin-${s}`))
  }
  return { activityId, signupId, code }
}
/** Activities are run by the staff holding their place: 南张社区's admin and 南张's street admin (not a grid's worker). */
const activityStaff = (role: Role, s: Scope): Outcome => (s === 'own' && ADMINS.includes(role) ? 'ok' : 'FORBIDDEN')

const MATRIX: Record<ActionName, Row> = {
  'me.get': { allowed: ANY, scoped: false, payload: () => ({}) },
  'me.update': { allowed: ANY, scoped: false, payload: () => ({ nickname: '新昵称' }) },
  'messages.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'desk.get': { allowed: ANY, scoped: false, payload: () => ({}) },
  /** Grid outlines are public geography: anyone may draw either street's map. */
  'grids.outlines': { allowed: ANY, scoped: false, payload: (_, s) => ({ gridId: grid(s) }) },
  /** A 楼长 of the grid marks a notice passed on to their building. */
  'feed.relay': {
    allowed: ['building_head'],
    scoped: true,
    payload: async (api, s) => ({ postId: await postIn(api, s) }),
    expect: (role, s) => (role !== 'building_head' ? 'FORBIDDEN' : s === 'own' ? 'ok' : 'NOT_FOUND'),
  },
  /** Staff of the grid bind its WeChat group (a demo group locally). */
  'groups.bind': {
    allowed: ['grid_worker', ...ADMINS],
    scoped: true,
    payload: (_, s) => ({ gridId: grid(s), group: { demo: `matrix-${s}` } }),
  },
  'groups.resolve': { allowed: ANY, scoped: false, payload: () => ({ group: { demo: 'matrix-any' } }) },
  'feed.list': { allowed: ANY, scoped: false, payload: (_, s) => ({ gridId: grid(s) }), expect: gridReaders },
  'feed.search': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ gridId: grid(s), q: '停水' }),
    expect: gridReaders,
  },
  'feed.get': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ postId: await postIn(api, s) }),
    expect: gridReaders,
  },
  'feed.publish': {
    allowed: PUBLISHERS,
    scoped: true,
    payload: (_, s) => ({
      kind: 'notice',
      title: '消防演练',
      body: '周六上午在小区广场',
      target: { gridIds: [grid(s)] },
    }),
  },
  /** Only the author edits: staff in scope are refused, the rest never see the post. */
  'feed.edit': {
    allowed: PUBLISHERS,
    scoped: true,
    payload: async (api, s) => ({ postId: await postIn(api, s), title: '改了', body: '改了的正文' }),
    expect: onlyTheirs(PUBLISHERS),
  },
  /** The author or an admin above its grids pins and withdraws. */
  'feed.pin': {
    allowed: PUBLISHERS,
    scoped: true,
    payload: async (api, s) => ({ postId: await postIn(api, s), pinned: true }),
    expect: (role, s) =>
      !PUBLISHERS.includes(role)
        ? 'FORBIDDEN'
        : s === 'other'
          ? 'NOT_FOUND'
          : ADMINS.includes(role)
            ? 'ok'
            : 'FORBIDDEN',
  },
  'feed.withdraw': {
    allowed: PUBLISHERS,
    scoped: true,
    payload: async (api, s) => ({ postId: await postIn(api, s) }),
    expect: (role, s) =>
      !PUBLISHERS.includes(role)
        ? 'FORBIDDEN'
        : s === 'other'
          ? 'NOT_FOUND'
          : ADMINS.includes(role)
            ? 'ok'
            : 'FORBIDDEN',
  },
  'feed.unread': {
    allowed: GRID_PEOPLE,
    scoped: true,
    payload: async (api, s) => ({ postId: await postIn(api, s), gridId: grid(s) }),
  },
  /** Anyone asks in their own home grid (the caller is given one in the scope's grid). */
  'questions.ask': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s, caller) => {
      const doc = await api.deps.store.get('users', userIdFor(caller))
      if (doc) await api.deps.store.replace('users', { ...doc, homeGridId: grid(s) })
      return { text: '小区东门的路灯什么时候修？' }
    },
  },
  'questions.list': { allowed: ANY, scoped: false, payload: (_, s) => ({ gridId: grid(s) }), expect: gridReaders },
  'questions.get': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ questionId: await questionIn(api, s) }),
    expect: gridReaders,
  },
  /** Staff of the grid reply; a 楼长 reaches the thread but does not answer for the grid. */
  'questions.reply': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ questionId: await questionIn(api, s), text: '可以到街道医保窗口办理' }),
    expect: (role, s) => (gridReaders(role, s) !== 'ok' ? 'NOT_FOUND' : role === 'building_head' ? 'FORBIDDEN' : 'ok'),
  },
  /** Only the asker marks it answered. */
  'questions.answered': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ questionId: await questionIn(api, s) }),
    expect: (role, s) => (gridReaders(role, s) === 'ok' ? 'FORBIDDEN' : 'NOT_FOUND'),
  },
  'questions.toOrder': {
    allowed: PUBLISHERS,
    scoped: true,
    payload: async (api, s) => ({
      questionId: await questionIn(api, s),
      categoryId: pick(s, 'cat_hygiene', 'cat_gh_hygiene'),
    }),
    expect: (role, s) => (!PUBLISHERS.includes(role) ? 'FORBIDDEN' : s === 'own' ? 'ok' : 'NOT_FOUND'),
  },
  /** The caller lives in building 3 of the grid named (so only the role and the street decide). */
  'desk.building': {
    allowed: ['building_head'],
    scoped: true,
    payload: async (api, s, caller) => {
      const userId = userIdFor(caller)
      await api.deps.store.insert('memberships', {
        _id: `mb_matrix_${userId}_${s}`,
        gridId: grid(s),
        userId,
        name: '楼长',
        phone: null,
        building: '3',
        unit: '1',
        room: '101',
        active: true,
        offline: false,
        joinedAt: api.clock.now(),
        leftAt: null,
        claimedBy: null,
        version: 0,
      })
      return { gridId: grid(s) }
    },
  },
  /** Own = the caller's message; other = someone else's (the seeded welcome of 张桂英). */
  'messages.markRead': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s, caller) => {
      if (s === 'other') return { id: 'msg_seed_welcome' }
      await api.deps.notify.send({ userId: userIdFor(caller), title: '通知', body: '测试' })
      const where = { userId: userIdFor(caller) }
      const page = await api.deps.store.find('messages', {
        where,
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 1,
      })
      return { id: page.items[0]?._id }
    },
    expect: (_role, s) => pick(s, 'ok', 'NOT_FOUND'),
  },
  'jobs.recent': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'grids.tree': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'grids.get': { allowed: ANY, scoped: false, payload: (_, s) => ({ gridId: grid(s) }) },
  'grids.create': {
    allowed: ADMINS,
    scoped: true,
    payload: (_, s) => ({
      communityId: pick(s, 'cm_nanzhang', 'cm_guhuai'),
      name: '测试网格',
      code: 'TT-09',
      polygon: SQUARE,
    }),
  },
  'grids.update': { allowed: ADMINS, scoped: true, payload: (_, s) => ({ gridId: grid(s), notes: '备注' }) },
  'grids.archive': { allowed: ADMINS, scoped: true, payload: (_, s) => ({ gridId: grid(s), archived: true }) },
  'grids.locate': { allowed: ANY, scoped: false, payload: () => IN_NZ01 },
  'grids.joinPreview': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ code: await joinCodeOf(api, grid(s)) }),
  },
  'grids.join': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ code: await joinCodeOf(api, grid(s)), building: '1', unit: '1', room: '101' }),
  },
  'grids.rotateCode': { allowed: STAFF, scoped: true, payload: (_, s) => ({ gridId: grid(s) }) },
  'grids.poster': { allowed: STAFF, scoped: true, payload: (_, s) => ({ gridId: grid(s) }) },
  'grids.members': { allowed: STAFF, scoped: true, payload: (_, s) => ({ gridId: grid(s), q: '赵' }) },
  'grids.registerOffline': {
    allowed: STAFF,
    scoped: true,
    payload: (_, s) => ({ gridId: grid(s), name: '王奶奶', building: '2', unit: '1', room: '302' }),
  },
  'grids.appointBuildingHead': {
    allowed: STAFF,
    scoped: true,
    payload: (_, s) => ({
      gridId: grid(s),
      userId: userIdFor(demoOpenId(pick(s, 'resident', 'gh_resident'))),
      appoint: true,
    }),
  },
  'grids.callWorker': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ gridId: grid(s), workerId: userIdFor(demoOpenId(pick(s, 'grid_worker', 'gh_grid_worker'))) }),
    expect: callScope,
  },
  'departments.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'departments.create': {
    allowed: ['street_admin'],
    scoped: true,
    payload: (_, s) => ({ name: '司法所', field: '法律', ...(s === 'other' ? { streetId: STREET_2_ID } : {}) }),
  },
  'departments.enterGrids': {
    allowed: ADMINS,
    scoped: true,
    payload: (_, s) => ({ departmentId: pick(s, 'dp_xiaofang', 'dp_gh_zhujian'), gridIds: [grid(s)], enter: true }),
  },
  /** A grid-worker invite: community admins may issue it in their community, street admins in their street. */
  'invites.create': { allowed: ADMINS, scoped: true, payload: (_, s) => ({ role: 'grid_worker', gridIds: [grid(s)] }) },
  'invites.list': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'invites.revoke': {
    allowed: ADMINS,
    scoped: true,
    payload: async (api, s) => ({ id: (await inviteIn(api, s)).id }),
    expect: inviteScope,
  },
  'invites.reveal': {
    allowed: ADMINS,
    scoped: true,
    payload: async (api, s) => ({ id: (await inviteIn(api, s)).id }),
    expect: inviteScope,
  },
  'invites.redeem': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ code: (await inviteIn(api, s)).code }),
  },
  /** Own = a grid worker of 南张社区第三网格; other = one of 古槐社区第二网格. */
  'roles.revoke': {
    allowed: ADMINS,
    scoped: true,
    payload: (_, s) => ({ userId: userIdFor(pick(s, 'seed:worker:2', 'seed:gh_worker:1')), role: 'grid_worker' }),
  },
  'audit.list': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'categories.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'categories.save': {
    allowed: ['street_admin'],
    scoped: true,
    payload: (_, s) => ({
      id: pick(s, 'cat_fire', 'cat_gh_fire'),
      name: '消防隐患',
      acceptHours: 1,
      resolveWorkdays: 1,
    }),
  },
  'orders.suggestDuplicates': {
    allowed: ANY,
    scoped: false,
    payload: () => ({ categoryId: 'cat_traffic', location: IN_NZ01 }),
  },
  'orders.create': {
    allowed: ANY,
    scoped: false,
    payload: () => ({ source: 'snap', categoryId: 'cat_traffic', text: '僵尸车占道', location: IN_NZ01 }),
  },
  /** Without a suggestion of one's own report and outside the grid, an order cannot be followed. */
  'orders.metoo': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ orderId: await orderIn(api, s) }),
    expect: orderScope,
  },
  'orders.get': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ orderId: await orderIn(api, s) }),
    expect: orderScope,
  },
  'orders.mine': { allowed: ANY, scoped: false, payload: () => ({}) },
  'orders.inbox': { allowed: ORDER_STAFF, scoped: false, payload: () => ({}) },
  'orders.act': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ orderId: await orderIn(api, s), event: { type: 'reject', reason: '误报' } }),
    expect: orderScope,
  },
  'orders.overdue': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'orders.reveal': {
    allowed: ORDER_STAFF,
    scoped: true,
    payload: async (api, s) => ({ orderId: await orderIn(api, s), field: 'text', index: 0 }),
    expect: revealScope,
  },
  'lostfound.create': {
    allowed: STAFF,
    scoped: true,
    payload: (api, s) => ({
      kind: 'found',
      category: 'keys',
      title: '捡到钥匙',
      happenedAt: api.deps.clock.now(),
      gridId: grid(s),
    }),
  },
  'lostfound.list': { allowed: ANY, scoped: false, payload: () => ({ scope: 'street' }) },
  'lostfound.mine': { allowed: ANY, scoped: false, payload: () => ({}) },
  'lostfound.get': { allowed: ANY, scoped: false, payload: (_, s) => ({ postId: LOST_POST[s] }), expect: lostScope },
  'lostfound.edit': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ postId: LOST_POST[s], title: '丢失黑色皮钱包' }),
    expect: lostStaffScope,
  },
  'lostfound.renew': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ postId: LOST_POST[s] }),
    expect: lostStaffScope,
  },
  'lostfound.close': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ postId: LOST_POST[s], reason: '已找到' }),
    expect: lostStaffScope,
  },
  'lostfound.notify': {
    allowed: STAFF,
    scoped: false,
    payload: (_, s) => ({ postId: LOST_POST[s], membershipId: 'mb_demo_resident' }),
    expect: (role, s) => (!STAFF.includes(role) ? 'FORBIDDEN' : lostScope(role, s)),
  },
  'lostfound.claim': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ postId: pick(s, 'lp_demo_idcard', 'lp_demo_gh_keys'), answer: '三月' }),
    expect: lostScope,
  },
  'lostfound.clue': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({ postId: pick(s, 'lp_demo_person', 'lp_demo_gh_keys'), text: '王德福的儿子住在4号楼' }),
    // 古槐's post is a 失物招领 (claimed, not told), but the caller out of scope reads NOT_FOUND before that.
    expect: lostScope,
  },
  'lostfound.decide': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ claimId: (await lostClaimIn(api, s)).claimId, accept: true }),
    expect: lostStaffScope,
  },
  'lostfound.withdraw': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ claimId: (await lostClaimIn(api, s)).claimId }),
    // Only the claimant withdraws: staff who see the claim are refused, everyone else does not see it.
    expect: (role, s) => (lostScope(role, s) === 'ok' ? 'FORBIDDEN' : 'NOT_FOUND'),
  },
  'lostfound.handover': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ ...(await lostClaimIn(api, s, true)) }),
    expect: lostStaffScope,
  },
  'lostfound.claims': { allowed: ANY, scoped: false, payload: () => ({ which: 'mine' }) },
  'credit.summary': { allowed: ANY, scoped: false, payload: () => ({}) },
  'credit.ledger': { allowed: ANY, scoped: false, payload: () => ({}) },
  'credit.setRanking': { allowed: ANY, scoped: false, payload: () => ({ hidden: true }) },
  'credit.rules': { allowed: ANY, scoped: false, payload: () => ({}) },
  'credit.saveRule': {
    allowed: ['street_admin'],
    scoped: true,
    payload: (_, s) => ({
      ...(s === 'other' ? { streetId: STREET_2_ID } : {}),
      event: 'report_valid',
      points: 25,
      dailyCap: 50,
      expiry: 'never',
      active: true,
    }),
  },
  'credit.correct': {
    allowed: ADMINS,
    scoped: false,
    payload: (_, s) => ({
      userId: userIdFor(demoOpenId(pick(s, 'resident', 'gh_resident'))),
      points: 5,
      reason: '补录',
    }),
    expect: (role, s) => (!ADMINS.includes(role) ? 'FORBIDDEN' : s === 'own' ? 'ok' : 'NOT_FOUND'),
  },
  'credit.stats': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'credit.export': { allowed: ADMINS, scoped: false, payload: () => ({ what: 'ledger', month: '2026-11' }) },
  'market.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'market.save': {
    allowed: ADMINS,
    scoped: true,
    payload: (api, s) => ({
      exchangePointId: pick(s, 'ex_nz_center', 'ex_gh_center'),
      communityId: pick(s, 'cm_nanzhang', 'cm_guhuai'),
      name: '雨伞',
      price: 15,
      stock: 5,
      perPersonLimit: 1,
      validUntil: api.deps.clock.now() + 86_400_000,
    }),
  },
  'market.redeem': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s, caller) => {
      await givePoints(api, caller, 100)
      return { itemId: pick(s, 'mi_nz_park', 'mi_gh_park') }
    },
    expect: nzScope,
  },
  'market.vouchers': { allowed: ANY, scoped: false, payload: () => ({}) },
  'market.exchangePoints': { allowed: [...ADMINS, 'counter_staff'], scoped: false, payload: () => ({}) },
  /** Own = 南张's 兑换点 (its counter staff and the street admin); a community admin holds no street-wide point. */
  'market.useVoucher': {
    allowed: ['street_admin', 'counter_staff'],
    scoped: true,
    payload: async (api, s) => ({ code: await voucherIn(api, s) }),
  },
  'activities.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'activities.get': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ activityId: s === 'own' ? 'act_demo_clean' : (await activityIn(api, s)).activityId }),
    expect: nzScope,
  },
  'activities.create': {
    allowed: STAFF,
    scoped: true,
    payload: (api, s) => ({
      gridId: grid(s),
      title: '义务理发',
      place: '网格服务站',
      startsAt: api.deps.clock.now() + 86_400_000,
      endsAt: api.deps.clock.now() + 90_000_000,
      capacity: 10,
    }),
  },
  'activities.signup': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ activityId: s === 'own' ? 'act_demo_clean' : (await activityIn(api, s)).activityId }),
    expect: nzScope,
  },
  'activities.cancelSignup': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ activityId: s === 'own' ? 'act_demo_clean' : (await activityIn(api, s)).activityId }),
    expect: nzScope,
  },
  'activities.checkin': {
    allowed: STAFF,
    scoped: false,
    payload: async (api, s) => {
      const { activityId, code } = await activityIn(api, s)
      return { activityId, code }
    },
    expect: activityStaff,
  },
  'activities.confirm': {
    allowed: STAFF,
    scoped: false,
    payload: async (api, s) => ({ signupId: (await activityIn(api, s, true)).signupId, hours: 2 }),
    expect: activityStaff,
  },
  'files.prepareUpload': { allowed: ANY, scoped: false, payload: () => ({ mime: 'image/png' }) },
  /** The caller's own fresh upload: a 1×1 PNG stored in their folder. */
  'files.register': {
    allowed: ANY,
    scoped: false,
    payload: async (api, _s, caller) => {
      const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
      const stored = await api.deps.files.put(userIdFor(caller), Buffer.from(png, 'base64'), 'image/png')
      return { fileId: stored.fileId }
    },
  },
}

test('the matrix covers every declared action', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(actions).sort())
})

const cases = (Object.keys(MATRIX) as ActionName[]).flatMap((action) =>
  ROLES.flatMap((role) => (['own', 'other'] as const).map((scope) => [action, role, scope] as const)),
)

function expected(row: Row, role: Role, scope: Scope): Outcome {
  if (row.expect) return row.expect(role, scope)
  if (!row.allowed.includes(role)) return 'FORBIDDEN'
  if (row.scoped && scope === 'other') return 'FORBIDDEN'
  return 'ok'
}

test.each(cases)('%s as %s in %s scope', async (action, role, scope) => {
  const api = await createTestApi({ seed: true })
  const openId = `matrix-${role}`
  dataOf(await api.call(openId, 'me.get'))
  const doc = await api.deps.store.get('users', userIdFor(openId))
  if (!doc) throw new Error('user not created')
  await api.deps.store.replace('users', { ...doc, roles: [GRANTS[role]] })
  const row = MATRIX[action]
  const res = await api.call(openId, action, await row.payload(api, scope, openId), `matrix-${role}-${scope}`)
  const outcome = expected(row, role, scope)
  if (outcome === 'ok') expect(res).toMatchObject({ ok: true })
  else expect(res).toMatchObject({ ok: false, error: { code: outcome } })
})
