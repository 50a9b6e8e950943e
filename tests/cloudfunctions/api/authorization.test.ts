/** The authorization matrix: every action × every role, as a table. A new action must be added here. */
import { actions, ROLES, type ActionName, type Role } from '../../../types'
import { createTestApi } from '../../helpers/api'
import { userIdFor } from '../../../cloudfunctions/api/users'

const ANY: readonly Role[] = ROLES
const ADMINS: readonly Role[] = ['community_admin', 'street_admin']

const MATRIX: Record<ActionName, { allowed: readonly Role[]; payload: unknown }> = {
  'me.get': { allowed: ANY, payload: {} },
  'me.update': { allowed: ANY, payload: { nickname: '新昵称' } },
  'messages.list': { allowed: ANY, payload: {} },
  'messages.markRead': { allowed: ANY, payload: { id: 'msg_none' } },
  'jobs.recent': { allowed: ADMINS, payload: {} },
}

test('the matrix covers every declared action', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(actions).sort())
})

const cases = (Object.keys(MATRIX) as ActionName[]).flatMap((action) => ROLES.map((role) => [action, role] as const))

test.each(cases)('%s as %s', async (action, role) => {
  const api = await createTestApi()
  const openId = `matrix-${role}`
  await api.call(openId, 'me.get')
  const doc = await api.deps.store.get('users', userIdFor(openId))
  if (!doc) throw new Error('user not created')
  await api.deps.store.replace('users', { ...doc, roles: [{ role }] })
  const res = await api.call(openId, action, MATRIX[action].payload, `matrix-${action.replace('.', '-')}-${role}`)
  if (MATRIX[action].allowed.includes(role)) {
    expect(res.ok || res.error.code !== 'FORBIDDEN').toBe(true)
  } else {
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
})
