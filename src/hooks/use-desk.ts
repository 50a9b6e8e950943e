import { useCallback, useEffect } from 'react'
import type { Desk } from '../contract'
import { call } from '../services/api'
import { showWorkBadge } from '../services/work-badge'
import { useQuery } from './use-query'

/** The staff desk, loaded on every show, keeping the 首页 tab badge in step; nothing is asked of residents. */
export function useDesk(staff: boolean) {
  const desk = useQuery<Desk | null>(useCallback(() => (staff ? call('desk.get', {}) : Promise.resolve(null)), [staff]))
  const badge = desk.data?.badge ?? 0
  useEffect(() => showWorkBadge(badge), [badge])
  return desk
}

/** Whether the desk has anything for this person: a 待办 queue, a building they head, or something to file. */
export const hasDesk = (desk: Desk | null): desk is Desk =>
  !!desk && (desk.queues.length > 0 || desk.buildings.length > 0 || desk.filings.length > 0)
