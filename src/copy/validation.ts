/**
 * Chinese messages for the contract's rules that carry none of their own (ids, numbers, lists): built
 * from the rule itself (its minimum, its maximum) and the field's label, so no bound is written twice.
 */
import type { z } from 'zod'

/** A field's name as the form shows it, by path (`acceptHours`), last segment (`lat`) or first (`polygon`). */
export type FieldLabels = Partial<Record<string, string>>

type Issue = z.core.$ZodRawIssue

function labelOf(path: readonly PropertyKey[], labels: FieldLabels): string {
  const keys = path.map(String)
  return labels[keys.join('.')] ?? labels[keys[keys.length - 1] ?? ''] ?? labels[keys[0] ?? ''] ?? '此项'
}

const isBlank = (input: unknown) => input === '' || (typeof input === 'number' && Number.isNaN(input))

function missingOrMalformed(issue: Issue, name: string): string {
  if (issue.input === undefined || issue.input === null) return `请选择${name}`
  if (isBlank(issue.input)) return `请填写${name}`
  if (issue.code === 'invalid_type' && issue.expected === 'int') return `${name}应为整数`
  return `${name}格式不正确`
}

function outOfRange(issue: Issue, name: string): string | undefined {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum)
    if (issue.origin === 'array') return min <= 1 ? `请选择${name}` : `${name}至少选择 ${min} 项`
    if (issue.origin === 'string') return min <= 1 ? `请填写${name}` : `${name}至少 ${min} 个字`
    return `${name}不能小于 ${min}`
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum)
    if (issue.origin === 'array') return `${name}最多选择 ${max} 项`
    if (issue.origin === 'string') return `${name}最多 ${max} 个字`
    return `${name}不能大于 ${max}`
  }
  return undefined
}

/** A per-parse zod error map: used only where the schema gave no message of its own. */
export function chineseIssues(labels: FieldLabels) {
  return (issue: Issue): string => {
    const name = labelOf(issue.path ?? [], labels)
    return outOfRange(issue, name) ?? missingOrMalformed(issue, name)
  }
}
