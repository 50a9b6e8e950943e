/** Order numbers from one counter per street and CST day: never shared, even by 50 reports at the same moment. */
import { createTestApi, dataOf, type TestApi } from '../../../../helpers/api'
import { IN_GH01, IN_NZ01, rid } from '../../../../helpers/orders'

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

const snap = (who: string, requestId = rid(), location = IN_NZ01) =>
  api.call(who, 'orders.create', { source: 'snap', categoryId: 'cat_traffic', text: '占道', location }, requestId)

test('50 reports submitted at once get 50 distinct, consecutive numbers of the street and day', async () => {
  // five reporters, ten each: a reporter may report ten times an hour
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => snap(`wx-num-${i % 5}`)))
  const numbers = results.map((r) => dataOf<{ no: string }>(r).no).sort()
  expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `NZ-20261123-${String(i + 1).padStart(4, '0')}`))
})

test('a retried submit keeps its number and takes no other', async () => {
  const first = dataOf<{ id: string; no: string }>(await snap('wx-retry', 'same-request-0001'))
  const again = dataOf<{ id: string; no: string }>(await snap('wx-retry', 'same-request-0001'))
  const next = dataOf<{ no: string }>(await snap('wx-retry'))
  expect([first.no, again.no, again.id === first.id, next.no]).toEqual([
    'NZ-20261123-0001',
    'NZ-20261123-0001',
    true,
    'NZ-20261123-0002',
  ])
})

test('each street counts for itself, and a new China Standard Time day starts again at 0001', async () => {
  expect(dataOf<{ no: string }>(await snap('wx-a')).no).toBe('NZ-20261123-0001')
  expect(dataOf<{ no: string }>(await snap('wx-b', rid(), IN_GH01)).no).toBe('GH-20261123-0001')
  api.clock.advance(15 * 3600_000) // 09:00 + 15 h = 00:00 CST on the 24th
  expect(dataOf<{ no: string }>(await snap('wx-a')).no).toBe('NZ-20261124-0001')
})
