/**
 * The authorization matrix: every action × every role × own / other scope, as a table.
 * Own scope = 南张社区第一网格 (gd_nz_01) and its community/street; other = 安居社区第一网格 (gd_aj_01).
 * A new action must be added here, or the first test fails.
 */
import { actions, ROLES, type ActionName, type Role, type RoleGrant } from '../../../types'
import { createTestApi, dataOf, type TestApi } from '../../helpers/api'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoOpenId, STREET_ID } from '../../../scripts/seed/demo'

type Scope = 'own' | 'other'
const ANY = ROLES
const ADMINS: readonly Role[] = ['community_admin', 'street_admin']
const STAFF: readonly Role[] = ['grid_worker', ...ADMINS]
const grid = (s: Scope) => (s === 'own' ? 'gd_nz_01' : 'gd_aj_01')
const P = { lat: 35.402, lng: 116.58 }
const SQUARE = [
  { lat: 35.43, lng: 116.6 },
  { lat: 35.43, lng: 116.605 },
  { lat: 35.434, lng: 116.605 },
  { lat: 35.434, lng: 116.6 },
]

/** The grant a test caller of `role` holds: scoped to the own grid / community / street. */
const GRANTS: Record<Role, RoleGrant> = {
  resident: { role: 'resident' },
  rider: { role: 'rider' },
  building_head: { role: 'building_head', gridIds: ['gd_nz_01'] },
  grid_worker: { role: 'grid_worker', gridIds: ['gd_nz_01'] },
  department: { role: 'department', departmentId: 'dp_police' },
  community_admin: { role: 'community_admin', communityId: 'cm_nanzhang' },
  street_admin: { role: 'street_admin', streetId: STREET_ID },
}

async function joinCodeOf(api: TestApi, gridId: string): Promise<string> {
  return String((await api.deps.store.get('grids', gridId))?.joinCode)
}
async function inviteFrom(api: TestApi, s: Scope, issuer = demoOpenId('street_admin')): Promise<string> {
  const res = await api.call(issuer, 'invites.create', { role: 'grid_worker', gridIds: [grid(s)] }, `setup-invite-${s}`)
  return dataOf<{ code: string }>(res).code
}

interface Row {
  allowed: readonly Role[]
  /** Whether the own/other distinction applies (street admins own the whole street: other is allowed). */
  scoped: boolean
  payload: (api: TestApi, s: Scope, caller: string) => Promise<unknown> | unknown
  /** For actions whose answer depends on more than the role list (orders are private: NOT_FOUND). */
  expect?: (role: Role, s: Scope) => Outcome
}
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND'

const MATRIX: Record<ActionName, Row> = {
  'me.get': { allowed: ANY, scoped: false, payload: () => ({}) },
  'me.update': { allowed: ANY, scoped: false, payload: () => ({ nickname: '新昵称' }) },
  'messages.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'messages.markRead': {
    allowed: ANY,
    scoped: false,
    payload: async (api, _s, caller) => {
      await api.deps.notify.send({ userId: userIdFor(caller), title: '通知', body: '测试' })
      const page = await api.deps.store.find('messages', {
        where: { userId: userIdFor(caller) },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: 1,
      })
      return { id: page.items[0]?._id }
    },
  },
  'jobs.recent': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'grids.tree': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'grids.get': { allowed: ANY, scoped: false, payload: (_, s) => ({ gridId: grid(s) }) },
  'grids.create': {
    allowed: ADMINS,
    scoped: true,
    payload: (_, s) => ({
      communityId: s === 'own' ? 'cm_nanzhang' : 'cm_anju',
      name: '测试网格',
      code: 'TT-09',
      polygon: SQUARE,
    }),
  },
  'grids.update': { allowed: ADMINS, scoped: true, payload: (_, s) => ({ gridId: grid(s), notes: '备注' }) },
  'grids.archive': { allowed: ADMINS, scoped: true, payload: (_, s) => ({ gridId: grid(s), archived: true }) },
  'grids.locate': { allowed: ANY, scoped: false, payload: () => P },
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
      userId: s === 'own' ? userIdFor(demoOpenId('resident')) : userIdFor('seed:worker:4'),
      appoint: false,
    }),
  },
  /** Members of their home grid and its staff may call; residents elsewhere may not. */
  'grids.callWorker': {
    allowed: ANY,
    scoped: false,
    payload: (_, s) => ({
      gridId: grid(s),
      workerId: userIdFor(s === 'own' ? demoOpenId('grid_worker') : 'seed:worker:4'),
    }),
    expect: callScope,
  },
  'departments.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  'departments.create': {
    allowed: ['street_admin'],
    scoped: false,
    payload: () => ({ name: '司法所', field: '法律' }),
  },
  'departments.enterGrids': {
    allowed: ADMINS,
    scoped: true,
    payload: (_, s) => ({ departmentId: 'dp_xiaofang', gridIds: [grid(s)], enter: true }),
  },
  'invites.create': { allowed: ADMINS, scoped: true, payload: (_, s) => ({ role: 'grid_worker', gridIds: [grid(s)] }) },
  'invites.list': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  /** Own = an invite the caller issued; other = one the street admin issued for another community. */
  'invites.revoke': {
    allowed: ADMINS,
    scoped: true,
    payload: async (api, s, caller) => ({
      code: await inviteFrom(api, s, s === 'own' && caller.endsWith('admin') ? caller : demoOpenId('street_admin')),
    }),
  },
  'invites.redeem': { allowed: ANY, scoped: false, payload: async (api, s) => ({ code: await inviteFrom(api, s) }) },
  'roles.revoke': {
    allowed: ADMINS,
    scoped: true,
    payload: (_, s) => ({ userId: userIdFor(s === 'own' ? 'seed:worker:2' : 'seed:worker:4'), role: 'grid_worker' }),
  },
  'audit.list': { allowed: ADMINS, scoped: false, payload: () => ({}) },
  'categories.list': { allowed: ANY, scoped: false, payload: () => ({}) },
  /** Deadlines are the street's: community admins pass the role check but are refused in the handler. */
  'categories.save': {
    allowed: ['street_admin'],
    scoped: false,
    payload: () => ({ id: 'cat_fire', name: '消防隐患', acceptHours: 1, resolveWorkdays: 1 }),
  },
  'orders.suggestDuplicates': {
    allowed: ANY,
    scoped: false,
    payload: () => ({ categoryId: 'cat_traffic', location: P }),
  },
  'orders.create': {
    allowed: ANY,
    scoped: false,
    payload: () => ({ source: 'snap', categoryId: 'cat_traffic', text: '僵尸车占道', location: P }),
  },
  'orders.metoo': { allowed: ANY, scoped: false, payload: () => ({ orderId: 'od_demo_roof' }) },
  /** Own = an order in the caller's grid (handled or supervised there); other = one the caller reported. */
  'orders.get': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ orderId: await orderIn(api, s) }),
    expect: orderScope,
  },
  'orders.mine': { allowed: ANY, scoped: false, payload: () => ({}) },
  'orders.inbox': { allowed: ['grid_worker', 'department', ...ADMINS], scoped: false, payload: () => ({}) },
  'orders.act': {
    allowed: ANY,
    scoped: false,
    payload: async (api, s) => ({ orderId: await orderIn(api, s), event: { type: 'reject', reason: '误报' } }),
    expect: orderScope,
  },
  'orders.overdue': { allowed: ADMINS, scoped: false, payload: () => ({}) },
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

/** Own = the seeded roof-leak order in 南张社区第一网格; other = a snap report in 安居社区第一网格. */
async function orderIn(api: TestApi, s: Scope): Promise<string> {
  if (s === 'own') return 'od_demo_roof'
  const res = await api.call(
    'matrix-reporter',
    'orders.create',
    { source: 'snap', categoryId: 'cat_hygiene', text: '垃圾满溢', location: { lat: 35.4068, lng: 116.5806 } },
    'setup-order-other',
  )
  return dataOf<{ id: string }>(res).id
}

/** The matrix callers have no home grid: only staff in scope (or the street) may call. */
function callScope(role: Role, s: Scope): Outcome {
  if (role === 'street_admin') return 'ok'
  if (s === 'own' && (role === 'grid_worker' || role === 'community_admin')) return 'ok'
  return 'FORBIDDEN'
}

/** Orders are private: anyone not in their scope gets NOT_FOUND, so their existence does not leak. */
function orderScope(role: Role, s: Scope): Outcome {
  if (role === 'street_admin') return 'ok'
  if (s === 'own' && (role === 'grid_worker' || role === 'community_admin')) return 'ok'
  return 'NOT_FOUND'
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
  if (row.scoped && scope === 'other' && role !== 'street_admin') return 'FORBIDDEN'
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
