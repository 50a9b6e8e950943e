/** Tones of the admin pages' tags; the labels themselves live in types/labels.ts. */
import type { TagTone } from '../components/tag'
import { AUDIT_ACTION_LABELS, INVITE_STATE_LABELS, type AuditAction } from '../contract'

const AUDIT_TONES: Record<AuditAction, TagTone> = {
  'grid.create': 'blue',
  'grid.update': 'blue',
  'grid.archive': 'orange',
  'grid.restore': 'blue',
  'invite.create': 'green',
  'invite.revoke': 'orange',
  'invite.reveal': 'red',
  'role.grant': 'green',
  'role.revoke': 'orange',
  'records.lookup': 'red',
  'records.registerOffline': 'blue',
  'contact.call': 'red',
  'order.reveal': 'red',
  'department.create': 'blue',
  'department.enter': 'green',
  'department.leave': 'orange',
  'category.save': 'blue',
  'lost.handover': 'green',
  'lost.notify': 'red',
  'points.rule': 'blue',
  'points.correct': 'orange',
  'points.item': 'blue',
  'group.bind': 'green',
}

const isAuditAction = (action: string): action is AuditAction =>
  Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action)

/** The tag of an audited action; an unknown action shows its detail only. */
export function auditTag(action: string): { label: string; tone: TagTone } | null {
  return isAuditAction(action) ? { label: AUDIT_ACTION_LABELS[action], tone: AUDIT_TONES[action] } : null
}

const INVITE_TONES: Record<keyof typeof INVITE_STATE_LABELS, TagTone> = {
  open: 'green',
  redeemed: 'blue',
  revoked: 'grey',
  expired: 'orange',
}

type InviteState = keyof typeof INVITE_STATE_LABELS

export const inviteStateTag = (state: InviteState) => ({ label: INVITE_STATE_LABELS[state], tone: INVITE_TONES[state] })
