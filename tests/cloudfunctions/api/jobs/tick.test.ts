/** The jobs tick: every declared job runs in turn, a failing job is logged and skipped, and the run is recorded. */
import { createTestApi, T0, type TestApi } from '../../../helpers/api'
import { runJobs } from '../../../../cloudfunctions/api/jobs/tick'
import { defineJob, JOB_LABELS, JOBS, labelsOf } from '../../../../cloudfunctions/api/jobs/registry'
import { JOB_RUNS_KEPT_MS } from '../../../../cloudfunctions/api/jobs/sweeps'

const HOUR = 3600_000

/** Ids numbered in the order they are asked for, so a run's id is known in advance. */
function countingIds() {
  let n = 0
  return { next: (prefix: string) => `${prefix}_${++n}` }
}

async function storedRuns(api: TestApi) {
  const page = await api.deps.store.find('jobruns', {
    where: {},
    orderBy: { field: 'startedAt', direction: 'desc' },
    limit: 100,
  })
  return page.items
}

describe('the declared jobs', () => {
  test('run in this order, each with its Chinese name and the Chinese names of its counters', () => {
    expect(JOBS.map((job) => job.name)).toEqual([
      'sweepExpiredRequests',
      'escalateOverdue',
      'autoCloseResolved',
      'expireLostPosts',
      'flagUnanswered',
      'awardCredit',
      'expireCredit',
      'sweepExpiredDocuments',
      'sweepOldJobRuns',
    ])
    expect(JOB_LABELS).toEqual({
      jobs: {
        sweepExpiredRequests: '清理过期的重放记录',
        escalateOverdue: '超期工单逐级督办',
        autoCloseResolved: '未评价工单自动办结',
        expireLostPosts: '失物招领启事到期下架',
        flagUnanswered: '提醒未回复的居民提问',
        awardCredit: '补发未到账的积分',
        expireCredit: '积分到期',
        sweepExpiredDocuments: '清理过期的限额和重复提示记录',
        sweepOldJobRuns: '清理一周前的运行记录',
      },
      counters: {
        expiredRequests: '清理的重放记录',
        escalated: '升级督办的工单',
        autoClosed: '自动办结的工单',
        expiredPosts: '到期下架的启事',
        flaggedQuestions: '提醒的未回复提问',
        creditChecked: '核对的积分事件',
        creditExpired: '到期的积分',
        expiredDocuments: '清理的过期记录',
        oldJobRuns: '清理的运行记录',
      },
    })
  })

  const job = (name: string, counter: string) =>
    defineJob({ name, label: name, counters: { [counter]: counter }, run: async () => ({ [counter]: 1 }) })
  test.each([
    ['two jobs with one name', [job('a', 'x'), job('a', 'y')], 'job a is declared twice'],
    ['two jobs with one counter', [job('a', 'x'), job('b', 'x')], 'counter x of job b is already declared'],
  ])('%s are refused', (_name, jobs, message) => {
    expect(() => labelsOf(jobs)).toThrow(message)
  })
})

describe('runTick', () => {
  test('records what every job did and returns the same run', async () => {
    const api = await createTestApi({ seed: true, overrides: { ids: countingIds() } })
    const counts = {
      expiredRequests: 0,
      escalated: 0,
      autoClosed: 0,
      expiredPosts: 0,
      flaggedQuestions: 0,
      creditChecked: 0,
      creditExpired: 0,
      expiredDocuments: 0,
      oldJobRuns: 0,
    }
    expect(await api.tick()).toEqual({ id: 'job_1', startedAt: T0, finishedAt: T0, counts, failed: [] })
    expect(await storedRuns(api)).toEqual([
      { _id: 'job_1', startedAt: T0, finishedAt: T0, counts, failed: [], version: 0 },
    ])
  })

  test('counts the runs it sweeps once they are older than a week', async () => {
    const api = await createTestApi()
    await api.tick()
    api.clock.advance(HOUR)
    await api.tick()
    api.clock.advance(JOB_RUNS_KEPT_MS)
    expect((await api.tick()).counts).toEqual({
      expiredRequests: 0,
      escalated: 0,
      autoClosed: 0,
      expiredPosts: 0,
      flaggedQuestions: 0,
      creditChecked: 0,
      creditExpired: 0,
      expiredDocuments: 0,
      oldJobRuns: 1,
    })
    expect((await storedRuns(api)).map((run) => run.startedAt)).toEqual([T0 + HOUR + JOB_RUNS_KEPT_MS, T0 + HOUR])
  })
})

describe('runJobs', () => {
  const counting = (name: string, counter: string, n: number) =>
    defineJob({ name, label: name, counters: { [counter]: counter }, run: async () => ({ [counter]: n }) })
  const failing = defineJob({
    name: 'broken',
    label: '坏任务',
    counters: { never: '从不' },
    run: async () => {
      throw new Error('disk full')
    },
  })

  test('a failing job is logged and recorded, and the jobs after it still run', async () => {
    const api = await createTestApi({ overrides: { ids: countingIds() } })
    const ran: string[] = []
    const tracked = (name: string, counter: string, n: number) => {
      const job = counting(name, counter, n)
      return { ...job, run: async () => (ran.push(name), job.run(api.deps, T0)) }
    }
    const run = await runJobs(api.deps, [tracked('first', 'a', 2), failing, tracked('last', 'b', 3)])
    expect(ran).toEqual(['first', 'last'])
    expect(run).toEqual({ id: 'job_1', startedAt: T0, finishedAt: T0, counts: { a: 2, b: 3 }, failed: ['broken'] })
    expect(api.logs).toEqual([
      {
        level: 'error',
        runId: 'job_1',
        job: 'broken',
        message: 'disk full',
        stack: expect.stringMatching(/^Error: disk full\n\s+at /),
      },
    ])
    expect(await storedRuns(api)).toEqual([
      { _id: 'job_1', startedAt: T0, finishedAt: T0, counts: { a: 2, b: 3 }, failed: ['broken'], version: 0 },
    ])
  })

  test('each job gets the moment the run started, and the run ends when the last job does', async () => {
    const api = await createTestApi({ overrides: { ids: countingIds() } })
    const seen: number[] = []
    const slow = (name: string) =>
      defineJob({
        name,
        label: name,
        counters: { [name]: name },
        run: async (_deps, now) => {
          seen.push(now)
          api.clock.advance(5_000)
          return { [name]: 1 }
        },
      })
    const run = await runJobs(api.deps, [slow('one'), slow('two')])
    expect(seen).toEqual([T0, T0])
    expect(run).toEqual({ id: 'job_1', startedAt: T0, finishedAt: T0 + 10_000, counts: { one: 1, two: 1 }, failed: [] })
  })
})

test('expired report quotas and duplicate suggestions are swept; live ones stay', async () => {
  const api = await createTestApi({ seed: true })
  const now = api.clock.now()
  await api.deps.store.insert('suggestions', {
    _id: 'sg_old',
    userId: 'u',
    orderId: 'o1',
    expiresAt: now - 1,
    version: 0,
  })
  await api.deps.store.insert('suggestions', {
    _id: 'sg_live',
    userId: 'u',
    orderId: 'o2',
    expiresAt: now + 60_000,
    version: 0,
  })
  await api.deps.store.insert('quotas', {
    _id: 'quota_old',
    times: [now - 7200_000],
    expiresAt: now - 3600_000,
    version: 0,
  })
  expect((await api.tick()).counts.expiredDocuments).toBe(2)
  expect([await api.deps.store.get('suggestions', 'sg_old'), await api.deps.store.get('quotas', 'quota_old')]).toEqual([
    null,
    null,
  ])
  expect(await api.deps.store.get('suggestions', 'sg_live')).toMatchObject({ _id: 'sg_live' })
})
