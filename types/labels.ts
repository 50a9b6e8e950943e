/** Every label a person reads for a state, role, source or verdict: defined once, used by server and client. */
import type { Role } from './users'
import type { OrderState, Rating, TimelineType } from './orders'
import type { ClaimState, LostCategory, LostKind, PostEvent, PostState } from './lostfound'
import type { CreditEvent, LedgerKind } from './credit'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  rider: '骑手',
  building_head: '楼长',
  grid_worker: '网格员',
  department: '部门工作人员',
  community_admin: '社区管理员',
  street_admin: '街道管理员',
  counter_staff: '兑换点工作人员',
}

export const STATE_LABELS: Record<OrderState, string> = {
  submitted: '待派单',
  dispatched: '待接单',
  accepted: '已接单',
  in_progress: '办理中',
  resolved: '待评价',
  closed: '已办结',
  rejected: '已退回',
  merged: '已合并',
}

export const SOURCE_LABELS = { snap: '随手拍', demand: '诉求', patrol: '巡查', proxy: '代办' } as const

export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
}

export const JOINT_LABELS = { repeat: '重复工单', unsatisfied: '不满意工单', difficult: '疑难工单' } as const

export const ESCALATION_LABELS = { grid: '网格', community: '社区', street: '街道' } as const

export const EVENT_LABELS = {
  dispatch: '派单',
  accept: '接单',
  start: '开始办理',
  note: '添加进展',
  resolve: '办结反馈',
  rate: '评价',
  confirm: '确认办结',
  reject: '退回',
  merge: '合并重复',
  transfer: '转派',
  remind: '督办提醒',
  assign_joint: '联合办理',
} as const

export const TIMELINE_LABELS: Record<TimelineType, string> = {
  submitted: '提交',
  dispatched: '派单',
  accepted: '接单',
  started: '办理',
  note: '进展',
  resolved: '办结反馈',
  rated: '评价',
  confirmed: '登记人确认',
  reopened: '不满意重办',
  closed: '办结',
  auto_closed: '自动办结',
  rejected: '退回',
  merged: '合并',
  transferred: '转派',
  escalated: '上报督办',
  reminded: '督办提醒',
  metoo: '我也遇到',
  joint: '联合办理',
}

export const INVITE_STATE_LABELS = { open: '未使用', redeemed: '已使用', revoked: '已撤销', expired: '已过期' } as const

/** Every action the audit log records, by the name stored on the entry. */
export const AUDIT_ACTION_LABELS = {
  'grid.create': '新建网格',
  'grid.update': '修改网格',
  'grid.archive': '停用网格',
  'grid.restore': '恢复网格',
  'invite.create': '发放邀请码',
  'invite.revoke': '撤销邀请码',
  'invite.reveal': '查看邀请码',
  'role.grant': '授予身份',
  'role.revoke': '撤销身份',
  'records.lookup': '查阅住户',
  'records.registerOffline': '登记住户',
  'contact.call': '拨打电话',
  'order.reveal': '查看号码',
  'department.create': '新增部门',
  'department.enter': '部门入格',
  'department.leave': '部门退出',
  'category.save': '分类时限',
  'lost.handover': '失物交接',
  'lost.notify': '通知失主',
  'points.rule': '积分规则',
  'points.correct': '积分调整',
  'points.item': '集市物品',
  'group.bind': '关联微信群',
} as const
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS

export const INBOX_QUEUE_LABELS = {
  grid: '网格待办',
  transferred: '已转派',
  department: '部门待办',
  community: '社区工单',
  street: '街道待派单',
} as const

export const LOST_KIND_LABELS: Record<LostKind, string> = { lost: '寻物启事', found: '失物招领', person: '寻人启事' }

export const LOST_CATEGORY_LABELS: Record<LostCategory, string> = {
  id_card: '证件',
  wallet: '钱包',
  keys: '钥匙',
  phone: '手机/电子',
  pet: '宠物',
  clothing: '衣物',
  other: '其他',
}

export const POST_STATE_LABELS: Record<PostState, string> = {
  open: '进行中',
  returned: '已归还',
  closed: '已关闭',
  expired: '已过期',
}

export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  pending: '待核对',
  accepted: '待交接',
  declined: '未通过',
  withdrawn: '已撤回',
  returned: '已归还',
  sent: '已送达',
}

export const POST_EVENT_LABELS: Record<PostEvent, string> = {
  claim: '这是我的，认领',
  clue: '我有线索',
  edit: '修改',
  renew: '续期',
  close: '关闭',
  notify: '通知住户',
}

export const CREDIT_EVENT_LABELS: Record<CreditEvent, string> = {
  report_valid: '有效随手拍',
  report_rated: '上报办结并评价',
  lost_returned: '拾金不昧',
  volunteer_hour: '志愿服务（每小时）',
  rider_pledge: '签署诚信契约',
  grid_joined: '加入网格',
}

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  earn: '获得',
  revoke: '撤回',
  spend: '兑换',
  expire: '过期',
  correct: '调整',
}

export const EXPIRY_LABELS = { never: '长期有效', end_of_next_year: '次年年底前有效' } as const

export const SIGNUP_STATE_LABELS = {
  signed: '已报名',
  checked_in: '已签到',
  confirmed: '已确认时长',
  cancelled: '已取消',
} as const

export const VOUCHER_STATE_LABELS = { issued: '待使用', used: '已使用', expired: '已过期' } as const
