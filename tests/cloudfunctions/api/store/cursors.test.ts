/** Paging cursors through the dispatcher: each list accepts only its own. */
import { createTestApi, dataOf, T0 } from '../../../helpers/api'
import { userIdFor } from '../../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../../scripts/seed/demo'

const resident = demoOpenId('resident')

test('a cursor of one list handed to another list is VALIDATION on the cursor; its own list pages on', async () => {
  const api = await createTestApi({ seed: true })
  for (const n of [1, 2, 3]) {
    const message = { title: `通知 ${n}`, body: '网格通知', link: null, read: false, createdAt: T0 - n, version: 0 }
    await api.deps.store.insert('messages', { _id: `msg_cursor_${n}`, userId: userIdFor(resident), ...message })
  }
  const first = dataOf<{ items: { id: string }[]; nextCursor: string | null }>(
    await api.call(resident, 'messages.list', { limit: 1 }),
  )
  expect(first.nextCursor).not.toBeNull()
  expect(await api.call(resident, 'orders.mine', { cursor: first.nextCursor })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: [{ path: 'cursor' }] },
  })
  const next = dataOf<{ items: { id: string }[] }>(
    await api.call(resident, 'messages.list', { limit: 1, cursor: first.nextCursor }),
  )
  expect(next.items).toHaveLength(1)
  expect(next.items[0]?.id).not.toBe(first.items[0]?.id)
})
