/** Who hears about an order's step, and what they read: only people who may see the order, numbers masked. */
import { GridDocSchema, maskSensitiveText, type OrderDoc } from '../../../../types'
import type { Deps } from '../../context'
import { loadUsers } from '../places/load'
import { currentDoc } from '../../read-cache'
import { canView } from './access'

const TITLES: Record<string, string> = {
  dispatched: '工单已派发',
  accepted: '工单已接单',
  started: '工单办理中',
  resolved: '工单已办结，请评价',
  rated: '工单已评价',
  reopened: '工单被评为不满意，已重新派单',
  auto_closed: '工单已自动办结',
  rejected: '工单已退回',
  merged: '工单已合并',
  transferred: '工单已转派',
  escalated: '工单超期，已上报督办',
  reminded: '督办提醒',
  joint: '工单转为联合办理',
  metoo: '又有居民反映此问题',
  note: '工单有新进展',
  closed: '工单已办结',
}

/** Who hears about a step: the reporter (and followers), and whoever must act next. */
export async function notifyStep(
  deps: Deps,
  order: OrderDoc,
  step: string,
  note: string,
  actorId: string | null,
): Promise<void> {
  const title = `${TITLES[step] ?? '工单有更新'}（${order.no}）`
  const link = `/packages/orders/pages/detail/index?id=${order._id}`
  const recipients = new Set<string>([order.reporterId, ...order.followerIds])
  if (order.handlerId && !['accepted'].includes(step)) recipients.add(order.handlerId)
  if (
    ['dispatched', 'transferred', 'reopened', 'escalated', 'reminded', 'joint'].includes(step) &&
    order.gridId &&
    !order.departmentId
  ) {
    const grid = await currentDoc(deps, 'grids', order.gridId, (raw) => GridDocSchema.parse(raw)).catch(() => null)
    for (const id of grid?.workerIds ?? []) recipients.add(id)
  }
  if (actorId) recipients.delete(actorId)
  const users = (await loadUsers(deps, [...recipients])).filter((u) => canView(u, order))
  const body = note ? maskSensitiveText(note) : title
  await Promise.all(users.map((u) => deps.notify.send({ userId: u._id, openId: u.openId, title, body, link })))
}
