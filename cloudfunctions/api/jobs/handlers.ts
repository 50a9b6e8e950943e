import { z } from 'zod'
import { ADMIN_ROLES } from '../../../types'
import type { Handler } from '../handler'
import { open } from '../modules/places/rules'

const JobRunSchema = z.object({
  _id: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  expiredRequests: z.number(),
  escalated: z.number().default(0),
  autoClosed: z.number().default(0),
})

/** Admins check that the timer is alive: the latest job runs. */
export const jobHandlers: { 'jobs.recent': Handler<'jobs.recent'> } = {
  'jobs.recent': {
    roles: ADMIN_ROLES,
    place: open,
    handle: async ({ deps }, input) => {
      const page = await deps.store.find('jobruns', {
        where: {},
        orderBy: { field: 'startedAt', direction: 'desc' },
        limit: input.limit,
      })
      return {
        items: page.items.map((raw) => {
          const run = JobRunSchema.parse(raw)
          return {
            id: run._id,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt,
            expiredRequests: run.expiredRequests,
            escalated: run.escalated,
            autoClosed: run.autoClosed,
          }
        }),
      }
    },
  },
}
