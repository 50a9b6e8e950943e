/** Places in words (issue 10): the grid and the nearest landmark, never raw coordinates; the street's outlines. */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { OUTSIDE, rid } from '../../../../helpers/orders'
import { demoOpenId } from '../../../../../scripts/seed/demo'
import { nearestLandmark, placeWords } from '../../../../../cloudfunctions/api/modules/places/words'
import type { LandmarkDoc, LatLng } from '../../../../../types'

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const landmark = (name: string, location: LatLng): LandmarkDoc => ({
  _id: name,
  streetId: 's',
  name,
  location,
  version: 0,
})

test('the nearest landmark within 400 m, its distance rounded to tens of metres; none further away', () => {
  const market = landmark('南张菜市场', { lat: 35.4021, lng: 116.5806 })
  const school = landmark('南张小学', { lat: 35.405, lng: 116.5806 })
  expect(nearestLandmark([school, market], { lat: 35.4028, lng: 116.5806 })).toEqual({ name: '南张菜市场', metres: 80 })
  expect(nearestLandmark([school, market], { lat: 35.43, lng: 116.6 })).toBeNull()
  expect(placeWords('南张社区第一网格', { name: '南张菜市场', metres: 80 })).toBe(
    '南张社区第一网格 · 近南张菜市场约 80 米',
  )
  expect(placeWords(null, null)).toBe('不在网格内（由街道派单）')
})

test('a point is told by its grid and the seeded landmark near it, on 随手拍 and on the order', async () => {
  const market = (await api.deps.store.get('landmarks', 'lm_gd_nz_01_0'))?.location as LatLng
  const near = { lat: market.lat + 0.0005, lng: market.lng }
  const located = dataOf<{ placeText: string }>(await api.call(demoOpenId('rider'), 'grids.locate', near))
  expect(located.placeText).toMatch(/^南张社区第一网格 · 近南张菜市场约 \d+ 米$/)
  expect(dataOf<{ placeText: string }>(await api.call(demoOpenId('rider'), 'grids.locate', OUTSIDE)).placeText).toMatch(
    /^不在网格内/,
  )
  const payload = { source: 'snap', categoryId: 'cat_hygiene', text: '垃圾桶满了', location: near }
  const order = dataOf<{ placeText: string; id: string }>(
    await api.call(demoOpenId('rider'), 'orders.create', payload, rid()),
  )
  expect(order.placeText).toMatch(/^南张社区第一网格 · 近南张菜市场约 \d+ 米$/)
  expect(JSON.stringify(order.placeText)).not.toMatch(/35\.4|116\.5/)
})

test("the outlines are the grid's street only: 南张's twelve grids, never 古槐's", async () => {
  const outlines = dataOf<{ grids: { id: string; polygon: LatLng[] }[]; landmarks: { name: string }[] }>(
    await api.call(demoOpenId('resident'), 'grids.outlines', { gridId: 'gd_nz_01' }),
  )
  expect(outlines.grids).toHaveLength(12)
  expect(outlines.grids.every((g) => !g.id.startsWith('gd_gh') && g.polygon.length >= 3)).toBe(true)
  expect(outlines.landmarks.map((l) => l.name)).toContain('南张菜市场')
  expect(outlines.landmarks.map((l) => l.name)).not.toContain('古槐菜市场')
})
