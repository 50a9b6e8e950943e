/** The grid card on a resident's 首页 (me.get): workers as they are now, place names reused for a minute. */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { GridDocSchema } from '../../../../../types'

const resident = demoOpenId('resident')
type Card = { communityName: string; streetName: string; workers: { id: string; nickname: string }[] }
const cardOf = async (api: TestApi) => dataOf<{ homeGrid: Card }>(await api.call(resident, 'me.get')).homeGrid

/** Writes a changed copy of a stored document, as an admin tool or another instance would. */
async function edit(api: TestApi, collection: 'grids' | 'users' | 'communities', id: string, change: object) {
  const doc = await api.deps.store.get(collection, id)
  if (!doc) throw new Error(`${collection}/${id} missing`)
  await api.deps.store.replace(collection, { ...doc, ...change })
}

test('a worker added to or renamed in the grid shows on the next 首页, with no wait', async () => {
  const api = await createTestApi({ seed: true })
  expect((await cardOf(api)).workers.map((w) => w.nickname)).toEqual(['刘晓燕'])
  const helper = userIdFor(demoOpenId('building_head'))
  const { workerIds } = GridDocSchema.parse(await api.deps.store.get('grids', 'gd_nz_01'))
  await edit(api, 'grids', 'gd_nz_01', { workerIds: [...workerIds, helper] })
  await edit(api, 'users', userIdFor(demoOpenId('grid_worker')), { realName: '刘晓燕（组长）' })
  expect((await cardOf(api)).workers.map((w) => w.id)).toEqual([userIdFor(demoOpenId('grid_worker')), helper])
  expect((await cardOf(api)).workers[0]?.nickname).toBe('刘晓燕（组长）')
  await edit(api, 'grids', 'gd_nz_01', { workerIds: [helper] })
  expect((await cardOf(api)).workers.map((w) => w.id)).toEqual([helper])
})

test('a renamed community shows on 首页 within a minute', async () => {
  const api = await createTestApi({ seed: true })
  expect(await cardOf(api)).toMatchObject({ communityName: '南张社区', streetName: '南张街道' })
  await edit(api, 'communities', 'cm_nanzhang', { name: '南张新社区' })
  api.clock.advance(59_000)
  expect((await cardOf(api)).communityName).toBe('南张社区')
  api.clock.advance(1_000)
  expect((await cardOf(api)).communityName).toBe('南张新社区')
})
