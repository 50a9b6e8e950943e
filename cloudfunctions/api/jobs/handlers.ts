/** jobs.recent: admins check that the timer is alive by reading the latest job runs and what each job did. */
import { ADMIN_ROLES, JobRunDocSchema } from '../../../types'
import type { Handler } from '../handler'
import { open } from '../modules/places/rules'
import { JOB_LABELS } from './registry'

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
      const items = page.items.map((raw) => {
        const { _id, ...run } = JobRunDocSchema.parse(raw)
        return { id: _id, ...run }
      })
      return { items, labels: JOB_LABELS }
    },
  },
}
