/** Per-process reuse of reads: dropped at once by this process's writes, within a minute for another process's. */
import { createTestApi, dataOf, type TestApi } from '../../helpers/api'
import { IN_NZ01, rid } from '../../helpers/orders'
import { cachedRead, currentDoc, SHARED_READ_TTL_MS } from '../../../cloudfunctions/api/read-cache'
import { createSqliteStore } from '../../../cloudfunctions/api/store/sqlite'
import type { Store, StoredDoc } from '../../../cloudfunctions/api/store/port'
import { GridDocSchema } from '../../../types'

/** An api whose store is also reachable without the api's write log: the writes of "another process". */
async function twoProcesses(): Promise<{ api: TestApi; other: Store }> {
  const other = createSqliteStore(':memory:')
  return { api: await createTestApi({ seed: true, overrides: { store: other } }), other }
}

const counting = () => {
  const calls = { n: 0 }
  return { calls, load: async () => ({ n: ++calls.n }) }
}

const street = (n: number): StoredDoc => ({ _id: `st_test_${n}`, name: `街道${n}`, code: `T${n}`, version: 0 })

test('a cached read is reused until this process writes its collection, by any kind of write', async () => {
  const api = await createTestApi({ seed: true })
  const { calls, load } = counting()
  const read = () => cachedRead(api.deps, 'k', ['streets'], load)
  await read()
  await read()
  expect(calls.n).toBe(1)
  await api.deps.store.insert('categories', { _id: 'cat_x', version: 0 })
  await read()
  expect(calls.n).toBe(1)
  await api.deps.store.insert('streets', street(1))
  await read()
  expect(calls.n).toBe(2)
  await api.deps.store.transaction(async (tx) => tx.insert('streets', street(2)))
  await read()
  expect(calls.n).toBe(3)
  await api.deps.store
    .transaction(async (tx) => {
      await tx.insert('streets', street(3))
      throw new Error('rolled back')
    })
    .catch(() => undefined)
  await read()
  expect(calls.n).toBe(4)
  await api.deps.store.remove('streets', street(1)._id)
  await read()
  expect(calls.n).toBe(5)
})

test('a read under way while this process writes is not reused afterwards', async () => {
  const api = await createTestApi({ seed: true })
  let n = 0
  const slow = () =>
    cachedRead(api.deps, 'slow', ['streets'], async () => {
      n++
      await api.deps.store.insert('streets', street(n))
      return n
    })
  expect(await slow()).toBe(1)
  expect(await slow()).toBe(2)
})

test('what another process writes is seen once the entry expires, and a failed read is not kept', async () => {
  const { api } = await twoProcesses()
  const { calls, load } = counting()
  const read = () => cachedRead(api.deps, 'k', ['streets'], load)
  await read()
  api.clock.advance(SHARED_READ_TTL_MS - 1)
  await read()
  expect(calls.n).toBe(1)
  api.clock.advance(1)
  await read()
  expect(calls.n).toBe(2)
  const failing = () => cachedRead(api.deps, 'fails', ['streets'], async () => Promise.reject(new Error('down')))
  await expect(failing()).rejects.toThrow('down')
  expect(await cachedRead(api.deps, 'fails', ['streets'], async () => 'up')).toBe('up')
})

test('cached values are frozen: a caller cannot change what the next one reads', async () => {
  const api = await createTestApi({ seed: true })
  const value = await cachedRead(api.deps, 'frozen', ['streets'], async () => ({ list: [{ name: 'a' }] }))
  expect(() => value.list.push({ name: 'b' })).toThrow(TypeError)
  expect(Object.isFrozen(value.list[0])).toBe(true)
})

test("a document reused by version is current at once, also after another process's write or removal", async () => {
  const { api, other } = await twoProcesses()
  const grid = () => currentDoc(api.deps, 'grids', 'gd_nz_01', (raw) => GridDocSchema.parse(raw))
  expect((await grid())?.name).toBe('南张社区第一网格')
  const stored = await other.get('grids', 'gd_nz_01')
  if (!stored) throw new Error('seeded grid missing')
  await other.replace('grids', { ...stored, name: '改名网格' })
  expect((await grid())?.name).toBe('改名网格')
  await other.remove('grids', 'gd_nz_01')
  expect(await grid()).toBeNull()
})

test('a document removed and created again at the same version through this process is read anew', async () => {
  const api = await createTestApi({ seed: true })
  const grid = () => currentDoc(api.deps, 'grids', 'gd_nz_01', (raw) => GridDocSchema.parse(raw))
  const before = await grid()
  if (!before) throw new Error('seeded grid missing')
  await api.deps.store.remove('grids', 'gd_nz_01')
  await api.deps.store.insert('grids', { ...before, name: '重建网格' })
  expect((await grid())?.name).toBe('重建网格')
  const again = await grid()
  await api.deps.store.transaction(async (tx) => {
    await tx.remove('grids', 'gd_nz_01')
    await tx.insert('grids', { ...before, name: '再建网格' })
  })
  expect(again?.name).toBe('重建网格')
  expect((await grid())?.name).toBe('再建网格')
})

test('a write to another document of the collection keeps the copy in use, checked by its version only', async () => {
  const api = await createTestApi({ seed: true })
  const grid = () => currentDoc(api.deps, 'grids', 'gd_nz_01', (raw) => GridDocSchema.parse(raw))
  const first = await grid()
  const other = await api.deps.store.get('grids', 'gd_nz_02')
  if (!other) throw new Error('seeded grid missing')
  await api.deps.store.replace('grids', { ...other, name: '第二网格改名' })
  const reads: string[] = []
  const get = api.deps.store.get
  api.deps.store.get = (collection, id) => (reads.push(`${collection}/${id}`), get(collection, id))
  expect(await grid()).toBe(first)
  expect(reads).toEqual([])
})

test('a report lands by the new polygon at once after this process moves a grid, and within a minute after another', async () => {
  const { api, other } = await twoProcesses()
  const gridOf = async () =>
    dataOf<{ gridName: string | null }>(
      await api.call(
        `wx-rep-${rid()}`,
        'orders.create',
        { source: 'snap', categoryId: 'cat_traffic', text: '占道', location: IN_NZ01 },
        rid(),
      ),
    ).gridName
  expect(await gridOf()).toBe('南张社区第一网格')
  // Another process gives 第一网格's area to 第二网格 (and the reverse): seen here once the cached polygons expire.
  const [one, two] = await Promise.all(['gd_nz_01', 'gd_nz_02'].map((id) => other.get('grids', id)))
  if (!one || !two) throw new Error('seeded grids missing')
  await other.replace('grids', { ...one, polygon: two.polygon })
  await other.replace('grids', { ...two, polygon: one.polygon })
  expect(await gridOf()).toBe('南张社区第一网格')
  api.clock.advance(SHARED_READ_TTL_MS)
  expect(await gridOf()).toBe('南张社区第二网格')
  // The same move made through this process's store routes the next report at once.
  const [oneNow, twoNow] = await Promise.all(['gd_nz_01', 'gd_nz_02'].map((id) => api.deps.store.get('grids', id)))
  if (!oneNow || !twoNow) throw new Error('seeded grids missing')
  await api.deps.store.replace('grids', { ...oneNow, polygon: twoNow.polygon })
  await api.deps.store.replace('grids', { ...twoNow, polygon: oneNow.polygon })
  expect(await gridOf()).toBe('南张社区第一网格')
})
