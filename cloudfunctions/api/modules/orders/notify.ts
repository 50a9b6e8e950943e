/** Who hears about an order's step, and what they read: only people who may see the order, numbers masked. */
import { GridDocSchema, maskSensitiveText, type OrderDoc } from '../../../../types'
import type { Deps } from '../../context'
import { loadUsers } from '../places/load'
import { currentDoc } from '../../read-cache'
import { canView } from './access'

/** What happened, in words, as the reporter reads it (the order number goes to the body). */
const TO_REPORTER: Record<string, string> = {
  dispatched: '您的上报已派给网格员',
  submitted: '您的上报已提交，等待派单',
  accepted: '您的上报已受理',
  started: '您的上报正在办理',
  resolved: '您的上报已办结，请评价',
  rated: '您的上报已评价',
  reopened: '您的上报已重新派单办理',
  auto_closed: '您的上报已自动办结',
  rejected: '您的上报被退回',
  merged: '您的上报已并入同类问题办理',
  transferred: '您的上报已转交部门办理',
  escalated: '您的上报已超期，已督办',
  reminded: '您的上报已被督办',
  joint: '您的上报转为联合办理',
  metoo: '又有居民反映了同一问题',
  note: '您的上报有新进展',
  closed: '您的上报已办结',
}

/** The same steps as the staff who act on the order read them. */
const TO_STAFF: Record<string, string> = {
  dispatched: '有新工单待接单',
  submitted: '有新上报待派单',
  accepted: '工单已接单',
  started: '工单办理中',
  resolved: '工单已办结，待居民评价',
  rated: '居民已评价工单',
  reopened: '居民不满意，工单重新派单',
  auto_closed: '工单已自动办结',
  rejected: '工单已退回',
  merged: '工单已合并',
  transferred: '有工单转派到您的部门',
  escalated: '工单超期，已上报督办',
  reminded: '督办提醒：请尽快办理',
  joint: '工单转为联合办理',
  metoo: '又有居民反映此问题',
  note: '工单有新进展',
  closed: '工单已办结',
}

type Audience = 'reporter' | 'follower' | 'staff'

/** The title one recipient reads: their own report, a problem they follow (我也遇到), or work they act on. */
export function stepTitle(step: string, audience: Audience): string {
  if (audience === 'staff') return TO_STAFF[step] ?? '工单有更新'
  const own = TO_REPORTER[step] ?? '您的上报有更新'
  return audience === 'reporter' ? own : own.replace('您的上报', '您关注的问题').replace('，请评价', '')
}

/** Where a message leads: the order, opened at its rating form when the reporter is asked to rate. */
export function stepLink(order: OrderDoc, step: string, audience: Audience): string {
  const link = `/packages/orders/pages/detail/index?id=${order._id}`
  return step === 'resolved' && audience === 'reporter' ? `${link}&act=rate` : link
}

/** Who hears about a step: the reporter (and followers), and whoever must act next. */
export async function notifyStep(
  deps: Deps,
  order: OrderDoc,
  step: string,
  note: string,
  actorId: string | null,
): Promise<void> {
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
  const detail = note ? maskSensitiveText(note) : ''
  await Promise.all(
    users.map((u) => {
      const audience: Audience =
        u._id === order.reporterId ? 'reporter' : order.followerIds.includes(u._id) ? 'follower' : 'staff'
      const title = stepTitle(step, audience)
      const body = `工单 ${order.no}${detail ? `：${detail}` : ''}`
      return deps.notify.send({ userId: u._id, openId: u.openId, title, body, link: stepLink(order, step, audience) })
    }),
  )
}
