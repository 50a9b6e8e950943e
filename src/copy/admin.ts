/** Labels of the admin pages that the contract has no table for: audited actions and invite states. */
import type { TagTone } from '../components/tag'
import type { ActionOutput } from '../contract'

type InviteState = ActionOutput<'invites.list'>['items'][number]['state']

/** Short Chinese names of audited actions; an action not listed here shows its detail only. */
export const AUDIT_ACTION_LABELS: Partial<Record<string, { label: string; tone: TagTone }>> = {
  'grid.create': { label: '新建网格', tone: 'blue' },
  'grid.update': { label: '修改网格', tone: 'blue' },
  'grid.archive': { label: '停用网格', tone: 'orange' },
  'grid.restore': { label: '恢复网格', tone: 'blue' },
  'invite.create': { label: '发放邀请码', tone: 'green' },
  'invite.revoke': { label: '撤销邀请码', tone: 'orange' },
  'role.grant': { label: '授予身份', tone: 'green' },
  'role.revoke': { label: '撤销身份', tone: 'orange' },
  'records.lookup': { label: '查阅住户', tone: 'red' },
  'records.registerOffline': { label: '登记住户', tone: 'blue' },
  'contact.call': { label: '拨打电话', tone: 'red' },
  'department.create': { label: '新增部门', tone: 'blue' },
  'department.enter': { label: '部门入格', tone: 'green' },
  'department.leave': { label: '部门退出', tone: 'orange' },
  'category.save': { label: '分类时限', tone: 'blue' },
}

export const INVITE_STATE_LABELS: Record<InviteState, { label: string; tone: TagTone }> = {
  open: { label: '未使用', tone: 'green' },
  redeemed: { label: '已使用', tone: 'blue' },
  revoked: { label: '已撤销', tone: 'grey' },
  expired: { label: '已过期', tone: 'orange' },
}
