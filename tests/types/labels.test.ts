import fs from 'node:fs'
import path from 'node:path'
import {
  EVENT_LABELS,
  JOINT_KINDS,
  JOINT_LABELS,
  ORDER_EVENTS,
  ORDER_SOURCES,
  ORDER_STATES,
  RATINGS,
  RATING_LABELS,
  ROLES,
  ROLE_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  TIMELINE_LABELS,
  TIMELINE_TYPES,
  ESCALATION_LEVELS,
  ESCALATION_LABELS,
  INVITE_STATE_LABELS,
  InviteViewSchema,
  AUDIT_ACTION_LABELS,
} from '../../types'

const CJK = /^[\u3400-\u9fff（）]+$/

test.each([
  ['role', ROLES, ROLE_LABELS],
  ['order state', ORDER_STATES, STATE_LABELS],
  ['order source', ORDER_SOURCES, SOURCE_LABELS],
  ['order event', ORDER_EVENTS, EVENT_LABELS],
  ['timeline entry', TIMELINE_TYPES, TIMELINE_LABELS],
  ['rating', RATINGS, RATING_LABELS],
  ['joint kind', JOINT_KINDS, JOINT_LABELS],
  ['escalation level', ESCALATION_LEVELS, ESCALATION_LABELS],
  ['invite state', InviteViewSchema.shape.state.options, INVITE_STATE_LABELS],
] as const)('every %s has one Chinese label', (_, keys, labels) => {
  const table = labels as Record<string, string>
  for (const key of keys) expect([key, CJK.test(table[key] ?? '')]).toEqual([key, true])
  expect(Object.keys(table).sort()).toEqual([...keys].sort())
})

test('labels the server and the client used to spell differently now read one way', () => {
  expect(STATE_LABELS.resolved).toBe('待评价')
  expect(ROLE_LABELS.department).toBe('部门工作人员')
})

test('every action the audit log records has a label', () => {
  const dir = path.resolve(__dirname, '../../cloudfunctions/api/modules')
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))
  const recorded = new Set<string>()
  for (const f of files)
    for (const m of fs
      .readFileSync(path.join(dir, f), 'utf8')
      .matchAll(/'((?:grid|group|role|records|invite|order|department|category|contact|lost|points)\.[a-zA-Z]+)'/g))
      if (m[1]) recorded.add(m[1])
  expect([...recorded].filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([])
  expect(recorded.size).toBe(Object.keys(AUDIT_ACTION_LABELS).length)
})
