/** The timer's tick: runs every declared job in turn, each isolated from the others, and records the run. */
import type { Deps } from '../context'
import { JOBS, type CounterName, type CounterOf, type Job } from './registry'

export interface JobRun<C extends string = string> {
  id: string
  startedAt: number
  finishedAt: number
  /** Counters of the jobs that finished; a failed job's counters are absent. */
  counts: Partial<Record<C, number>>
  /** Names of the jobs that threw. */
  failed: string[]
}

/** What `runTick` returns: the recorded run, each job's counters under `counts` (`report.counts.escalated`). */
export type TickReport = JobRun<CounterName>

/** Runs one job; a throw is logged with the run's id and reported as `null` so the next job still runs. */
async function runIsolated<C extends string>(
  deps: Deps,
  job: Job<C>,
  runId: string,
  now: number,
): Promise<Record<C, number> | null> {
  try {
    return await job.run(deps, now)
  } catch (err) {
    deps.log({
      level: 'error',
      runId,
      job: job.name,
      message: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    })
    return null
  }
}

/** Runs the jobs in order at the clock's current moment and stores the run in `jobruns`. */
export async function runJobs<J extends Job>(deps: Deps, jobs: readonly J[]): Promise<JobRun<CounterOf<J>>> {
  const id = deps.ids.next('job')
  const startedAt = deps.clock.now()
  const counts: Partial<Record<string, number>> = {}
  const failed: string[] = []
  for (const job of jobs) {
    const result = await runIsolated(deps, job, id, startedAt)
    if (result) Object.assign(counts, result)
    else failed.push(job.name)
  }
  const run = { id, startedAt, finishedAt: deps.clock.now(), counts, failed }
  await deps.store.insert('jobruns', { _id: id, startedAt, finishedAt: run.finishedAt, counts, failed, version: 0 })
  return run
}

/** The timer's entry point (CloudBase timer trigger, local gateway interval, dev clock). */
export async function runTick(deps: Deps): Promise<TickReport> {
  return runJobs(deps, JOBS)
}
