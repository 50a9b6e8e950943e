/** The one list of timer jobs: adding a job is one entry here (its name, Chinese labels, counters and run). */
import type { Deps } from '../context'
import { autoCloseResolved, escalateOverdue } from './orders'
import { expirePosts } from './lostfound'
import { flagUnanswered } from '../modules/feed/escalation'
import { awardPending } from '../modules/credit/awards'
import { expirePoints } from '../modules/credit/expiry'
import { sweepExpiredDocuments, sweepExpiredRequests, sweepOldJobRuns } from './sweeps'

/** One timer job: what it is called, what it counts, and how it runs. */
export interface Job<C extends string = string> {
  /** Stable machine name, recorded in a run's `failed` list. */
  name: string
  /** Chinese name shown to admins. */
  label: string
  /** Every counter the job reports, with its Chinese name shown to admins. */
  counters: Record<C, string>
  /** The job's work at `now`; idempotent, so a second run for the same moment changes nothing more. */
  run: (deps: Deps, now: number) => Promise<Record<C, number>>
}

/** Declares a job, keeping its counter names as literal types. */
export const defineJob = <C extends string>(job: Job<C>): Job<C> => job

export type CounterOf<J> = J extends Job<infer C> ? C : never

export const JOBS = [
  defineJob({
    name: 'sweepExpiredRequests',
    label: '清理过期的重放记录',
    counters: { expiredRequests: '清理的重放记录' },
    run: async (deps, now) => ({ expiredRequests: await sweepExpiredRequests(deps, now) }),
  }),
  defineJob({
    name: 'escalateOverdue',
    label: '超期工单逐级督办',
    counters: { escalated: '升级督办的工单' },
    run: async (deps) => ({ escalated: await escalateOverdue(deps) }),
  }),
  defineJob({
    name: 'autoCloseResolved',
    label: '未评价工单自动办结',
    counters: { autoClosed: '自动办结的工单' },
    run: async (deps) => ({ autoClosed: await autoCloseResolved(deps) }),
  }),
  defineJob({
    name: 'expireLostPosts',
    label: '失物招领启事到期下架',
    counters: { expiredPosts: '到期下架的启事' },
    run: async (deps, now) => ({ expiredPosts: await expirePosts(deps, now) }),
  }),
  defineJob({
    name: 'flagUnanswered',
    label: '提醒未回复的居民提问',
    counters: { flaggedQuestions: '提醒的未回复提问' },
    run: async (deps, now) => ({ flaggedQuestions: await flagUnanswered(deps, now) }),
  }),
  defineJob({
    name: 'awardCredit',
    label: '补发未到账的积分',
    counters: { creditChecked: '核对的积分事件' },
    run: async (deps, now) => ({ creditChecked: await awardPending(deps, now) }),
  }),
  defineJob({
    name: 'expireCredit',
    label: '积分到期',
    counters: { creditExpired: '到期的积分' },
    run: async (deps, now) => ({ creditExpired: await expirePoints(deps, now) }),
  }),
  defineJob({
    name: 'sweepExpiredDocuments',
    label: '清理过期的限额和重复提示记录',
    counters: { expiredDocuments: '清理的过期记录' },
    run: async (deps, now) => ({ expiredDocuments: await sweepExpiredDocuments(deps, now) }),
  }),
  defineJob({
    name: 'sweepOldJobRuns',
    label: '清理一周前的运行记录',
    counters: { oldJobRuns: '清理的运行记录' },
    run: async (deps, now) => ({ oldJobRuns: await sweepOldJobRuns(deps, now) }),
  }),
] as const

export type CounterName = CounterOf<(typeof JOBS)[number]>

export interface JobLabels {
  jobs: Record<string, string>
  counters: Record<string, string>
}

/** Chinese names by job and by counter; throws when two jobs share a name or a counter (runs key counts by it). */
export function labelsOf(jobs: readonly Job[]): JobLabels {
  const names = new Map<string, string>()
  const counters = new Map<string, string>()
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job ${job.name} is declared twice`)
    names.set(job.name, job.label)
    for (const [counter, label] of Object.entries(job.counters)) {
      if (counters.has(counter)) throw new Error(`counter ${counter} of job ${job.name} is already declared`)
      counters.set(counter, label)
    }
  }
  return { jobs: Object.fromEntries(names), counters: Object.fromEntries(counters) }
}

export const JOB_LABELS = labelsOf(JOBS)
