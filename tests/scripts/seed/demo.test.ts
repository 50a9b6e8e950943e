import path from 'node:path'
import { createSqliteStore } from '../../../cloudfunctions/api/store/sqlite'
import { seedDemo, DEMO_PEOPLE, demoOpenId } from '../../../scripts/seed/demo'
import { userIdFor } from '../../../cloudfunctions/api/users'
import { tempDir } from '../../helpers/api'

test('seeding again (a second npm start) adds nothing and keeps what users changed', async () => {
  const file = path.join(tempDir(), 'seed.db')
  const first = createSqliteStore(file)
  expect((await seedDemo(first, 1000)).inserted).toBeGreaterThan(50)
  const resident = await first.get('users', userIdFor(demoOpenId('resident')))
  if (!resident) throw new Error('demo resident missing')
  await first.replace('users', { ...resident, nickname: '桂英阿姨' })
  await first.close()

  const second = createSqliteStore(file)
  expect((await seedDemo(second, 2000)).inserted).toBe(0)
  expect(await second.get('users', userIdFor(demoOpenId('resident')))).toMatchObject({ nickname: '桂英阿姨' })
  expect(await second.count('grids', { streetId: 'st_nanzhang' })).toBeGreaterThanOrEqual(10)
  for (const p of DEMO_PEOPLE) expect(await second.get('users', userIdFor(demoOpenId(p.key)))).not.toBeNull()
  await second.close()
})
