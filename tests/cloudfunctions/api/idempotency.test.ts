import { createTestApi, dataOf } from '../../helpers/api'
import crypto from 'node:crypto'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../scripts/seed/demo'
import { LEASE_MS, REPLAY_TTL_MS, requestKey } from '../../../cloudfunctions/api/idempotency'
import type { Store } from '../../../cloudfunctions/api/store/port'

const resident = demoOpenId('resident')
const userVersion = async (store: Store) => Number((await store.get('users', userIdFor(resident)))?.version)

describe('a retried write happens once', () => {
  test('the same requestId sent 3 times gives one effect and the same answer', async () => {
    const api = await createTestApi({ seed: true })
    const v0 = await userVersion(api.deps.store)
    const answers = []
    for (let i = 0; i < 3; i++)
      answers.push(await api.call(resident, 'me.update', { nickname: '桂英阿姨' }, 'retry-seq-0001'))
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    expect(await userVersion(api.deps.store)).toBe(v0 + 1)
  })

  test('the same requestId sent 20 times concurrently gives one effect', async () => {
    const api = await createTestApi({ seed: true })
    const v0 = await userVersion(api.deps.store)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.call(resident, 'me.update', { nickname: '并发测试' }, 'retry-par-0001')),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(await userVersion(api.deps.store)).toBe(v0 + 1)
  })

  test('20 different requestIds concurrently are 20 effects, none lost', async () => {
    const api = await createTestApi({ seed: true })
    const v0 = await userVersion(api.deps.store)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call(resident, 'me.update', { nickname: `昵称${i}` }, `distinct-${String(i).padStart(4, '0')}`),
      ),
    )
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(await userVersion(api.deps.store)).toBe(v0 + 20)
  })

  test('reusing a requestId for a different payload is a CONFLICT and changes nothing', async () => {
    const api = await createTestApi({ seed: true })
    dataOf(await api.call(resident, 'me.update', { nickname: '第一次' }, 'reuse-0000001'))
    const res = await api.call(resident, 'me.update', { nickname: '第二次' }, 'reuse-0000001')
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(dataOf<{ nickname: string }>(await api.call(resident, 'me.get')).nickname).toBe('第一次')
  })

  test('a business error is replayed too, so a retry sees the same answer', async () => {
    const api = await createTestApi({ seed: true })
    const first = await api.call(resident, 'me.update', { nickname: '赌博网站' }, 'replay-err-001')
    expect(first).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await api.call(resident, 'me.update', { nickname: '赌博网站' }, 'replay-err-001')).toEqual(first)
  })

  test('the same requestId from two users is two separate requests', async () => {
    const api = await createTestApi({ seed: true })
    dataOf(await api.call(resident, 'me.update', { nickname: '甲' }, 'shared-req-001'))
    const other = dataOf<{ nickname: string }>(
      await api.call(demoOpenId('rider'), 'me.update', { nickname: '甲' }, 'shared-req-001'),
    )
    expect(other.nickname).toBe('甲')
  })

  test('a claim left by a crashed call is taken over after its lease, and runs once', async () => {
    const api = await createTestApi({ seed: true })
    const key = requestKey(userIdFor(resident), 'me.update', 'crashed-0001')
    const fingerprint = crypto
      .createHash('sha256')
      .update(JSON.stringify({ nickname: '恢复' }))
      .digest('base64url')
    await api.deps.store.insert('requests', {
      _id: key,
      state: 'pending',
      fingerprint,
      leaseUntil: api.clock.now() + LEASE_MS,
      expiresAt: api.clock.now() + REPLAY_TTL_MS,
      result: null,
      version: 0,
    })
    api.clock.advance(LEASE_MS + 1)
    const v0 = await userVersion(api.deps.store)
    expect(
      dataOf<{ nickname: string }>(await api.call(resident, 'me.update', { nickname: '恢复' }, 'crashed-0001'))
        .nickname,
    ).toBe('恢复')
    expect(await userVersion(api.deps.store)).toBe(v0 + 1)
  })

  test('an INTERNAL failure is not stored, so a retry runs again', async () => {
    const api = await createTestApi({ seed: true })
    let failNext = true
    const original = api.deps.contentCheck.text
    api.deps.contentCheck.text = async (text, openId) => {
      if (failNext) {
        failNext = false
        throw new Error('check service down')
      }
      return original(text, openId)
    }
    expect(await api.call(resident, 'me.update', { nickname: '重试' }, 'internal-0001')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    expect(
      dataOf<{ nickname: string }>(await api.call(resident, 'me.update', { nickname: '重试' }, 'internal-0001'))
        .nickname,
    ).toBe('重试')
  })

  test('the jobs tick forgets replays after 24 hours, and a second tick changes nothing', async () => {
    const api = await createTestApi({ seed: true })
    dataOf(await api.call(resident, 'me.update', { nickname: '过期' }, 'expire-00001'))
    expect(await api.deps.store.count('requests', { expiresAt: { gt: 0 } })).toBe(1)
    expect((await api.tick()).counts.expiredRequests).toBe(0)
    api.clock.advance(REPLAY_TTL_MS + 1)
    expect((await api.tick()).counts.expiredRequests).toBe(1)
    expect((await api.tick()).counts.expiredRequests).toBe(0)
    expect(await api.deps.store.count('requests', { expiresAt: { gt: 0 } })).toBe(0)
  })
})

test('job-run records older than a week are swept by the tick', async () => {
  const api = await createTestApi()
  await api.tick()
  api.clock.advance(8 * 24 * 3600_000)
  await api.tick()
  const runs = await api.deps.store.find('jobruns', {
    where: {},
    orderBy: { field: 'startedAt', direction: 'desc' },
    limit: 10,
  })
  expect(runs.items).toHaveLength(1)
})
