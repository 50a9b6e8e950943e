/** Duplicate suggestions are found by place (a cell and its neighbours), not among the newest 100 of a category. */
import geohash from 'ngeohash'
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { IN_NZ01, rid } from '../../../../helpers/orders'
import { FRESH_ORDER } from '../../../../../cloudfunctions/api/modules/orders/fresh'
import { cellOf } from '../../../../../cloudfunctions/api/modules/orders/nearby'

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const suggest = async (location: { lat: number; lng: number }, categoryId = 'cat_traffic') =>
  dataOf<{ items: { id: string; distanceMetres: number }[] }>(
    await api.call('wx-asker', 'orders.suggestDuplicates', { categoryId, location }),
  ).items

const report = async (location: { lat: number; lng: number }) =>
  dataOf<{ id: string }>(
    await api.call(
      `wx-rep-${rid()}`,
      'orders.create',
      { source: 'snap', categoryId: 'cat_traffic', text: '占道', location },
      rid(),
    ),
  ).id

test('a report in the neighbouring cell, 30 m away across the border, is suggested', async () => {
  const north = geohash.decode_bbox(cellOf(IN_NZ01) ?? '')[2] ?? 0
  const justInside = { lat: north - 0.0001, lng: IN_NZ01.lng }
  const justAcross = { lat: north + 0.00017, lng: IN_NZ01.lng }
  expect([cellOf(justInside) === cellOf(IN_NZ01), cellOf(justAcross) === cellOf(IN_NZ01)]).toEqual([true, false])
  const near = await report(justAcross)
  expect((await suggest(justInside)).map((s) => [s.id, s.distanceMetres])).toEqual([[near, 30]])
})

test('a nearby report is found even when 120 newer reports of the category were filed elsewhere', async () => {
  const near = await report(IN_NZ01)
  const far = { lat: 35.41, lng: 116.59 }
  for (let i = 0; i < 120; i++) {
    api.clock.advance(1000)
    await api.deps.store.insert('orders', {
      ...FRESH_ORDER,
      _id: `od_filler_${i}`,
      no: `NZ-FILL-${i}`,
      source: 'snap',
      categoryId: 'cat_traffic',
      filterKey: 'cat_traffic|snap',
      text: '别处的占道',
      photos: [],
      location: far,
      cell: cellOf(far),
      address: '',
      streetId: 'st_nanzhang',
      communityId: 'cm_anju',
      gridId: 'gd_aj_02',
      reporterId: 'u_filler',
      anonymous: false,
      onBehalfOf: null,
      state: 'dispatched',
      escalation: 'grid',
      dueAt: api.clock.now() + 3600_000,
      acceptDeadline: api.clock.now() + 3600_000,
      createdAt: api.clock.now(),
      updatedAt: api.clock.now(),
    })
  }
  expect((await suggest(IN_NZ01)).map((s) => s.id)).toEqual([near])
})

test('reports older than 7 days, of another category or more than 100 m away are not suggested', async () => {
  await report(IN_NZ01)
  const farther = { lat: IN_NZ01.lat + 0.0012, lng: IN_NZ01.lng } // ≈ 133 m north
  expect(await suggest(farther)).toEqual([])
  expect(await suggest(IN_NZ01, 'cat_hygiene')).toEqual([])
  api.clock.advance(7 * 24 * 3600_000 + 1000)
  expect(await suggest(IN_NZ01)).toEqual([])
})
