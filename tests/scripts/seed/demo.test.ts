import path from 'node:path'
import { createSqliteStore } from '../../../cloudfunctions/api/store/sqlite'
import { seedDemo, DEMO_PEOPLE, demoOpenId, STREET_ID, STREET_2_ID } from '../../../scripts/seed/demo'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { tempDir } from '../../helpers/api'
import { demoLostPosts } from '../../../scripts/seed/lostfound'
import { residentLedger } from '../../../scripts/seed/credit'
import { demoFeedPosts, demoQuestions } from '../../../scripts/seed/feed'

/** Each street's own things; every grid comes with its join code and two landmarks, every order with its first timeline entry. */
const PER_STREET = [
  { streetId: STREET_ID, departments: 12, communities: 3, grids: 12, categories: 7, orders: 2 },
  { streetId: STREET_2_ID, departments: 4, communities: 2, grids: 6, categories: 7, orders: 1 },
]
/** 14 demo people + one seeded worker for each grid no demo worker holds (10 in 南张, 5 in 古槐). */
const USERS = 29
/** 3–5 seeded residents in each of the 18 grids (72), plus the 6 demo people who have a home grid. */
const MEMBERSHIPS = 78
/** Lost-and-found posts (3 in 南张, 1 in 古槐), each with its search words (one entry per word). */
const LOST_POSTS = 4
const LOST_WORDS = demoLostPosts(1000).reduce((n, p) => n + p.words.length, 0)
/** Credit: 6 rules per street, 2 兑换点, 4 market items, 1 activity, 张桂英's account, her 2 entries and their month's figures. */
const CREDIT = 12 + 2 + 4 + 1 + 1 + 2 + residentLedger(1000).stats.length
/** The grid group (story 2): 3 posts with their feed entries, a question, and their search words. */
const FEED_WORDS =
  demoFeedPosts(1000).reduce((n, p) => n + p.words.length * p.gridIds.length, 0) +
  demoQuestions(1000).reduce((n, q) => n + q.words.length, 0)
const FEED = 3 + 3 + 1 + FEED_WORDS
/** 2 streets, the welcome message, and the per-street things above. */
const SEEDED =
  2 +
  1 +
  LOST_POSTS +
  CREDIT +
  LOST_WORDS +
  FEED +
  USERS +
  MEMBERSHIPS +
  PER_STREET.reduce((n, s) => n + s.departments + s.communities + 4 * s.grids + s.categories + 2 * s.orders, 0)

test('the first seed inserts both streets exactly, each thing in its own street', async () => {
  const store = createSqliteStore(':memory:')
  expect(SEEDED - LOST_WORDS - FEED_WORDS).toBe(257)
  expect((await seedDemo(store, 1000)).inserted).toBe(SEEDED)
  for (const { streetId } of PER_STREET) {
    expect({
      streetId,
      departments: await store.count('departments', { streetId }),
      communities: await store.count('communities', { streetId }),
      grids: await store.count('grids', { streetId }),
      categories: await store.count('categories', { streetId }),
      orders: await store.count('orders', { streetId }),
    }).toEqual(PER_STREET.find((s) => s.streetId === streetId))
  }
  // 南张社区第一网格: 3 seeded residents and 4 demo people; 古槐社区第一网格: 3 seeded and 2 demo people.
  expect(await store.count('memberships', { gridId: 'gd_nz_01', active: true })).toBe(7)
  expect(await store.count('memberships', { gridId: 'gd_gh_01', active: true })).toBe(5)
  await store.close()
})

test('seeding again (a second npm start) adds nothing and keeps what users changed', async () => {
  const file = path.join(tempDir(), 'seed.db')
  const first = createSqliteStore(file)
  expect((await seedDemo(first, 1000)).inserted).toBe(SEEDED)
  const resident = await first.get('users', userIdFor(demoOpenId('resident')))
  if (!resident) throw new Error('demo resident missing')
  await first.replace('users', { ...resident, nickname: '桂英阿姨' })
  await first.close()

  const second = createSqliteStore(file)
  expect((await seedDemo(second, 2000)).inserted).toBe(0)
  expect(await second.count('grids', { streetId: STREET_ID })).toBe(12)
  expect(await second.count('grids', { streetId: STREET_2_ID })).toBe(6)
  for (const p of DEMO_PEOPLE) {
    const renamed = p.key === 'resident'
    expect(await second.get('users', userIdFor(demoOpenId(p.key)))).toEqual({
      _id: userIdFor(demoOpenId(p.key)),
      openId: demoOpenId(p.key),
      nickname: renamed ? '桂英阿姨' : p.name,
      realName: p.name,
      avatarFileId: null,
      phone: p.phone,
      roles: p.roles,
      homeGridId: p.homeGridId,
      createdAt: 1000,
      updatedAt: 1000,
      version: renamed ? 1 : 0,
    })
  }
  await second.close()
})

/** People are followed by name in the stories: no two seeded people share one (a demo person's own home record aside). */
test('every seeded person has a name of their own', async () => {
  const store = createSqliteStore(':memory:')
  const written: { collection: string; doc: Record<string, unknown> }[] = []
  const recording = {
    ...store,
    insert: ((collection, doc) => (
      written.push({ collection, doc }),
      store.insert(collection, doc)
    )) as typeof store.insert,
  }
  await seedDemo(recording, 1000)
  const of = (collection: string) => written.filter((w) => w.collection === collection).map((w) => w.doc)
  const users = of('users') as { _id: string; nickname: string }[]
  const members = of('memberships') as { userId: string | null; name: string }[]
  const people = [...users.map((u) => u.nickname), ...members.filter((m) => m.userId === null).map((m) => m.name)]
  const repeated = people.filter((name, i) => people.indexOf(name) !== i)
  expect(repeated).toEqual([])
  expect(users).toHaveLength(USERS)
  expect(members).toHaveLength(MEMBERSHIPS)
  // A demo person's home record carries their own name.
  for (const m of members.filter((m) => m.userId !== null))
    expect(users.find((u) => u._id === m.userId)?.nickname).toBe(m.name)
  await store.close()
})
