/** jobs.recent: admins read the latest runs with every job's counts and the Chinese names to show them by. */
import { createTestApi, dataOf, T0 } from '../../../helpers/api'
import { JOB_LABELS } from '../../../../cloudfunctions/api/jobs/registry'
import { demoOpenId } from '../../../../scripts/seed/demo'

test('the latest runs come first, with counts by counter, failed jobs, and the labels to show them', async () => {
  let n = 0
  const api = await createTestApi({ seed: true, overrides: { ids: { next: (prefix) => `${prefix}_${++n}` } } })
  await api.tick()
  api.clock.advance(60_000)
  await api.deps.store.insert('jobruns', {
    _id: 'job_failed',
    startedAt: T0 + 60_000,
    finishedAt: T0 + 61_000,
    counts: { expiredRequests: 2, autoClosed: 1, oldJobRuns: 0 },
    failed: ['escalateOverdue'],
    version: 0,
  })
  const zero = {
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
  expect(dataOf(await api.call(demoOpenId('street_admin'), 'jobs.recent', {}))).toEqual({
    items: [
      {
        id: 'job_failed',
        startedAt: T0 + 60_000,
        finishedAt: T0 + 61_000,
        counts: { expiredRequests: 2, autoClosed: 1, oldJobRuns: 0 },
        failed: ['escalateOverdue'],
      },
      { id: 'job_1', startedAt: T0, finishedAt: T0, counts: zero, failed: [] },
    ],
    labels: JOB_LABELS,
  })
})

test.each([
  [
    'with all three counts',
    { expiredRequests: 3, escalated: 2, autoClosed: 1 },
    { expiredRequests: 3, escalated: 2, autoClosed: 1 },
  ],
  [
    'from before escalation and auto-close existed',
    { expiredRequests: 4 },
    { expiredRequests: 4, escalated: 0, autoClosed: 0 },
  ],
])('a run stored in the old shape (%s) is listed with its counts', async (_name, fields, counts) => {
  const api = await createTestApi({ seed: true })
  await api.deps.store.insert('jobruns', {
    _id: 'job_old',
    startedAt: T0 - 1000,
    finishedAt: T0 - 900,
    ...fields,
    version: 3,
  })
  expect(dataOf(await api.call(demoOpenId('community_admin'), 'jobs.recent', { limit: 1 }))).toEqual({
    items: [{ id: 'job_old', startedAt: T0 - 1000, finishedAt: T0 - 900, counts, failed: [] }],
    labels: JOB_LABELS,
  })
})
