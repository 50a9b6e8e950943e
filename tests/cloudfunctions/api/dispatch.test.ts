import { createTestApi, dataOf } from '../../helpers/api'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../scripts/seed/demo'
import type { Store } from '../../../cloudfunctions/api/store/port'
import { uploadPhoto } from '../../helpers/orders'

const resident = demoOpenId('resident')

describe('dispatcher', () => {
  test('an unknown action is refused with UNKNOWN_ACTION', async () => {
    const api = await createTestApi({ seed: true })
    expect(await api.call(resident, 'orders.explode', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' },
    })
  })

  test('a call without a runtime identity is UNAUTHENTICATED, even if the payload names a user', async () => {
    const api = await createTestApi({ seed: true })
    const res = await api.dispatch({ action: 'me.get', payload: {}, openId: resident }, null)
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test('a payload naming another user is rejected, not obeyed', async () => {
    const api = await createTestApi({ seed: true })
    const res = await api.call(resident, 'me.get', { openId: demoOpenId('street_admin') })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: '(root)' }] } })
  })

  test('bad input gets VALIDATION with field paths and Chinese messages, and changes nothing', async () => {
    const api = await createTestApi({ seed: true })
    const before = dataOf<{ nickname: string }>(await api.call(resident, 'me.get'))
    const res = await api.call(resident, 'me.update', { nickname: 'x'.repeat(21), phone: '12345' }, 'req-validation-1')
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '输入有误，请检查后重试',
        fields: [
          { path: 'nickname', message: '昵称最多 20 个字' },
          { path: 'phone', message: '手机号格式不正确' },
        ],
      },
    })
    expect(dataOf<{ nickname: string }>(await api.call(resident, 'me.get')).nickname).toBe(before.nickname)
  })

  test('a malformed request envelope is VALIDATION', async () => {
    const api = await createTestApi()
    expect(await api.dispatch('not an object', resident)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(
      await api.dispatch({ action: 'me.update', payload: { nickname: 'a' }, requestId: 'short' }, resident),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'requestId' }] },
    })
  })

  test('a mutating action without requestId is refused', async () => {
    const api = await createTestApi({ seed: true })
    expect(await api.call(resident, 'me.update', { nickname: '桂英' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'requestId' }] },
    })
  })

  test('a first call creates a resident; concurrent first calls create exactly one user', async () => {
    const api = await createTestApi()
    const results = await Promise.all(Array.from({ length: 10 }, () => api.call('wx-new-person', 'me.get')))
    const ids = new Set(results.map((r) => dataOf<{ id: string }>(r).id))
    expect(ids.size).toBe(1)
    expect(dataOf<{ roles: unknown[] }>(results[0] ?? { ok: false })).toMatchObject({ roles: [{ role: 'resident' }] })
    expect(await api.deps.store.count('users', { openId: 'wx-new-person' })).toBe(1)
  })

  test('a thrown error becomes INTERNAL with an error id and no stack trace', async () => {
    const api = await createTestApi({ seed: true })
    const broken: Store = {
      ...api.deps.store,
      get: async () => Promise.reject(new Error('disk on fire at /secret/path')),
    }
    const failing = await createTestApi({ overrides: { store: broken } })
    const res = await failing.call(resident, 'me.get')
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '服务暂时不可用，请稍后重试',
        errorId: expect.stringMatching(/^err_/),
      },
    })
    expect(JSON.stringify(res)).not.toMatch(/secret|disk|at .*\.ts/)
    // The id the caller can quote is the one on the logged line with the real cause.
    const errorId = res.ok ? null : res.error.errorId
    expect(failing.logs).toEqual([
      {
        level: 'error',
        errorId,
        message: 'disk on fire at /secret/path',
        stack: expect.stringMatching(/^Error: disk on fire at \/secret\/path\n/),
      },
    ])
  })

  test('the owner sees the full phone; a grid worker card shows it masked', async () => {
    const api = await createTestApi({ seed: true })
    const me = dataOf<{ phone: string; homeGrid: { workers: { nickname: string; phoneMasked: string }[] } }>(
      await api.call(resident, 'me.get'),
    )
    expect(me.phone).toBe('13805371234')
    expect(me.homeGrid.workers).toEqual([
      { id: userIdFor(demoOpenId('grid_worker')), nickname: '刘晓燕', phoneMasked: '139****6789' },
    ])
    expect(JSON.stringify(me.homeGrid)).not.toContain('13905376789')
  })

  test('a nickname failing the content check is CONTENT_REJECTED and not stored', async () => {
    const api = await createTestApi({ seed: true })
    expect(await api.call(resident, 'me.update', { nickname: '赌 博-网站代理' }, 'req-content-1')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    })
    expect(dataOf<{ nickname: string }>(await api.call(resident, 'me.get')).nickname).toBe('张桂英')
  })

  test("an avatar must be the caller's own registered upload", async () => {
    const api = await createTestApi({ seed: true })
    const other = userIdFor(demoOpenId('rider'))
    const theirs = await uploadPhoto(api, other)
    const res = await api.call(resident, 'me.update', { avatarFileId: theirs }, 'req-avatar-1')
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'avatarFileId' }] } })
    const mine = userIdFor(resident)
    const neverRegistered = await api.call(
      resident,
      'me.update',
      { avatarFileId: `local:${mine}/abc.jpg` },
      'req-avatar-2',
    )
    expect(neverRegistered).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'avatarFileId' }] },
    })
    const registered = await uploadPhoto(api, mine)
    const ok = dataOf<{ avatarUrl: string }>(
      await api.call(resident, 'me.update', { avatarFileId: registered }, 'req-avatar-3'),
    )
    expect(ok.avatarUrl).toBe(`/uploads/${registered.slice('local:'.length)}`)
  })

  test('an invalid paging cursor is VALIDATION, not INTERNAL', async () => {
    const api = await createTestApi({ seed: true })
    expect(await api.call(resident, 'messages.list', { cursor: '!!!' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'cursor' }] },
    })
  })

  test('messages are private: marking another user’s message is NOT_FOUND', async () => {
    const api = await createTestApi({ seed: true })
    const list = dataOf<{ items: { id: string; read: boolean }[] }>(await api.call(resident, 'messages.list', {}))
    expect(list.items).toHaveLength(1)
    const id = list.items[0]?.id ?? ''
    expect(await api.call(demoOpenId('rider'), 'messages.markRead', { id }, 'req-read-1')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(dataOf(await api.call(resident, 'messages.markRead', { id }, 'req-read-2'))).toEqual({ id, read: true })
  })
})
