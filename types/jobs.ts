/** The timer's job runs, listed for admins to see that the timer is alive. */
import { z } from 'zod'

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
          expiredRequests: z.number(),
          escalated: z.number(),
          autoClosed: z.number(),
        }),
      ),
    }),
  },
} as const
