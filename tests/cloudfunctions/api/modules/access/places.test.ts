/** Issuing and revoking a grant resolve its places once, in the dispatcher's check, and the handler records them. */
import { createTestApi, dataOf } from '../../../../helpers/api'
import { rid } from '../../../../helpers/orders'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { createSqliteStore } from '../../../../../cloudfunctions/api/store/sqlite'
import type { Store } from '../../../../../cloudfunctions/api/store/port'

/** A store that counts reads of grids. */
function countingGridReads(): { store: Store; reads: () => number } {
  const store = createSqliteStore(':memory:')
  let reads = 0
  return {
    store: { ...store, get: (c, id) => (c === 'grids' && reads++, store.get(c, id)) },
    reads: () => reads,
  }
}

const admin = demoOpenId('street_admin')
const grids = ['gd_nz_01', 'gd_nz_02']

test('an invite for two grids reads each grid twice (its place, once; its name, once) and records their community', async () => {
  const { store, reads } = countingGridReads()
  const api = await createTestApi({ seed: true, overrides: { store } })
  const before = reads()
  const invite = dataOf<{ id: string }>(
    await api.call(admin, 'invites.create', { role: 'grid_worker', gridIds: grids }, rid('inv')),
  )
  expect(reads() - before).toBe(2 * grids.length)
  expect(await api.deps.store.get('invites', invite.id)).toMatchObject({
    streetId: 'st_nanzhang',
    communityId: 'cm_nanzhang',
  })
})

test("revoking a worker's role reads their grids once and audits it in their street and community", async () => {
  const { store, reads } = countingGridReads()
  const api = await createTestApi({ seed: true, overrides: { store } })
  const worker = userIdFor(demoOpenId('grid_worker'))
  const before = reads()
  dataOf(await api.call(admin, 'roles.revoke', { userId: worker, role: 'grid_worker' }, rid('rev')))
  expect(reads() - before).toBe(grids.length)
  const log = await api.deps.store.find('audit', {
    where: { streetId: 'st_nanzhang' },
    orderBy: { field: 'at', direction: 'desc' },
    limit: 1,
  })
  expect(log.items[0]).toMatchObject({ action: 'role.revoke', targetId: worker, communityId: 'cm_nanzhang' })
})
