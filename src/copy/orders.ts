import type { OrderDetail, OrderSummary } from '../contract'

export const STATE_LABELS: Record<OrderSummary['state'], string> = {
  submitted: '待派单',
  dispatched: '待接单',
  accepted: '已接单',
  in_progress: '办理中',
  resolved: '待评价',
  closed: '已办结',
  rejected: '已退回',
  merged: '已合并',
}

export const STATE_TONE: Record<OrderSummary['state'], 'red' | 'orange' | 'blue' | 'green' | 'grey'> = {
  submitted: 'orange',
  dispatched: 'orange',
  accepted: 'blue',
  in_progress: 'blue',
  resolved: 'green',
  closed: 'grey',
  rejected: 'grey',
  merged: 'grey',
}

export const JOINT_LABELS: Record<NonNullable<OrderSummary['joint']>, string> = {
  repeat: '重复工单',
  unsatisfied: '不满意工单',
  difficult: '疑难工单',
}

export const SOURCE_LABELS: Record<OrderDetail['source'], string> = {
  snap: '随手拍',
  demand: '诉求',
  patrol: '巡查',
  proxy: '代办',
}

export const EVENT_LABELS: Record<OrderDetail['can'][number], string> = {
  dispatch: '派单',
  accept: '接单',
  start: '开始办理',
  note: '添加进展',
  resolve: '办结反馈',
  rate: '评价',
  reject: '退回',
  merge: '合并重复',
  transfer: '转派',
  remind: '督办提醒',
  assign_joint: '联合办理',
}

export const TIMELINE_LABELS: Record<OrderDetail['timeline'][number]['type'], string> = {
  submitted: '提交',
  dispatched: '派单',
  accepted: '接单',
  started: '办理',
  note: '进展',
  resolved: '办结反馈',
  rated: '评价',
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

export const RATING_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } as const
