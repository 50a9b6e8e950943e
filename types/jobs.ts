/** The timer's job runs: the stored record of each tick and the listing admins read to see the timer is alive. */
import { z } from 'zod'

/** How many things each job did in one run, by counter name (e.g. `escalated`). */
const CountsSchema = z.record(z.string(), z.number())

const CurrentJobRunDocSchema = z.object({
  _id: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  counts: CountsSchema,
  /** Names of the jobs that threw in this run; their counters are absent from `counts`. */
  failed: z.array(z.string()),
})

/** Runs stored before jobs declared their own counters kept three counts as top-level fields. */
const LegacyJobRunDocSchema = z
  .object({
    _id: z.string(),
    startedAt: z.number(),
    finishedAt: z.number(),
    expiredRequests: z.number(),
    escalated: z.number().default(0),
    autoClosed: z.number().default(0),
  })
  .transform(({ expiredRequests, escalated, autoClosed, ...run }) => ({
    ...run,
    counts: { expiredRequests, escalated, autoClosed },
    failed: [],
  }))

/** A stored job run in the current shape; older documents are read into it. */
export const JobRunDocSchema = z.union([CurrentJobRunDocSchema, LegacyJobRunDocSchema])
export type JobRunDoc = z.output<typeof JobRunDocSchema>

export const jobActions = {
  'jobs.recent': {
    mutating: false,
    input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          startedAt: z.number(),
          finishedAt: z.number(),
          counts: CountsSchema,
          failed: z.array(z.string()),
        }),
      ),
      /** Chinese names for display: `jobs` by job name (as in `failed`), `counters` by counter name. */
      labels: z.object({
        jobs: z.record(z.string(), z.string()),
        counters: z.record(z.string(), z.string()),
      }),
    }),
  },
} as const
