/** The jobs tick's reminder of residents' questions that no staff member answered in time. */
import { QuestionDocSchema } from '../../../../types'
import type { Deps } from '../../context'
import { loadGrid, loadUsers } from '../places/load'
import { changeQuestion } from './questions'

const HOUR = 60 * 60 * 1000

/** Open questions without a staff reply: a day → the grid's workers are told; two days → flagged to the community admins. */
export async function flagUnanswered(deps: Deps, now: number): Promise<number> {
  let flagged = 0
  for (const level of [1, 2] as const) {
    const before = now - level * deps.settings.unansweredHours * HOUR
    const page = await deps.store.find('questions', {
      where: { state: 'open', staffReplied: false, flagged: level - 1, createdAt: { lt: before } },
      orderBy: { field: 'createdAt', direction: 'asc' },
      limit: 100,
    })
    for (const raw of page.items) {
      const q = QuestionDocSchema.parse(raw)
      let moved = false
      await changeQuestion(deps, q._id, (current) => {
        moved = current.flagged === level - 1 && !current.staffReplied && current.state === 'open'
        return moved ? { ...current, flagged: level } : current
      })
      if (!moved) continue
      flagged++
      // A day: the grid's workers are told. Two days: it shows on the community admins' desk (desk.get).
      if (level === 2) continue
      const grid = await loadGrid(deps, q.gridId)
      for (const u of await loadUsers(deps, grid.workerIds))
        await deps.notify.send({
          userId: u._id,
          openId: u.openId,
          title: '有居民提问超过一天未回复',
          body: `${grid.name}：${q.publicText.slice(0, 40)}`,
          link: `/packages/feed/pages/question/index?id=${q._id}`,
        })
    }
  }
  return flagged
}
