/** Where the staff desk leads: 待办 with its filters preset, the filing forms, a 楼长's building. */
import type { Desk, InboxQueue } from '../contract'

export const INBOX_PAGE = '/packages/orders/pages/inbox/index'

export interface InboxPreset {
  queue?: InboxQueue
  state?: 'dispatched' | 'working' | 'submitted'
  overdue?: boolean
}

export function inboxUrl(preset: InboxPreset = {}): string {
  const query = [
    preset.queue ? `queue=${preset.queue}` : '',
    preset.state ? `state=${preset.state}` : '',
    preset.overdue ? 'overdue=1' : '',
  ].filter(Boolean)
  return query.length ? `${INBOX_PAGE}?${query.join('&')}` : INBOX_PAGE
}

export const fileUrl = (source: 'patrol' | 'proxy') => `/packages/orders/pages/create/index?source=${source}`
export const buildingUrl = (gridId: string) => `/packages/worker/pages/building/index?gridId=${gridId}`

/** The desk is named for whom it serves: the department, else the grid worker, else the 楼长. */
export function stationTitle(desk: Desk): string {
  const names = desk.departments.map((d) => d.name)
  if (names.length && !desk.grids.length) return `${names.join('、')}工作台`
  if (desk.grids.length) return '网格员工作台'
  if (desk.buildings.length) return '楼长工作台'
  return '工作台'
}
