import { useCallback, useState } from 'react'
import type { z } from 'zod'
import { ERROR_COPY } from '../copy/errors'
import { chineseIssues, type FieldLabels } from '../copy/validation'
import { CallError, userMessage } from '../services/call-error'

/** Field path (`building`, `polygon.2`) → the Chinese message to show under that field. */
export type FieldMap = Record<string, string>

interface Issue {
  path: readonly PropertyKey[]
  message: string
}

/** The first message per path. */
export function issuesToFields(issues: readonly Issue[]): FieldMap {
  const map: FieldMap = {}
  for (const issue of issues) map[issue.path.map(String).join('.')] ??= issue.message
  return map
}

/** What a form holds before it is checked: any field may still be missing (a pick not made yet). */
export type Draft<T> = T extends object ? { [K in keyof T]?: T[K] | undefined } : T

const covers = (shown: string, path: string) => path === shown || path.startsWith(`${shown}.`)

/**
 * Inline errors of one form, from the contract's schemas (checked here before sending) or from the
 * server's VALIDATION fields. A failure that no shown field can carry becomes the form's message.
 * `labels` names the fields for rules whose schema has no Chinese message of its own.
 */
export function useFieldErrors(shown: readonly string[], labels: FieldLabels = {}) {
  const [fields, setFields] = useState<FieldMap>({})
  const [message, setMessage] = useState<string | null>(null)

  const clear = useCallback(() => {
    setFields({})
    setMessage(null)
  }, [])

  const show = (map: FieldMap, general: string) => {
    const inline = Object.keys(map).some((path) => shown.some((s) => covers(s, path)))
    setFields(map)
    setMessage(inline ? null : general)
  }

  /** Parses `value` with a contract schema: the parsed value, or null with the messages shown. */
  const parse = <S extends z.ZodType>(schema: S, value: Draft<z.input<S>>): z.output<S> | null => {
    const result = schema.safeParse(value, { error: chineseIssues(labels) })
    if (result.success) {
      clear()
      return result.data
    }
    const map = issuesToFields(result.error.issues)
    show(map, Object.values(map)[0] ?? ERROR_COPY.VALIDATION)
    return null
  }

  /** Shows one message under one field (a rule the schema cannot see, e.g. a line of typed text). */
  const reject = (path: string, text: string) => show({ [path]: text }, text)

  const fromError = (err: unknown) => {
    const serverFields = err instanceof CallError ? err.fields : []
    show(issuesToFields(serverFields.map((f) => ({ path: f.path.split('.'), message: f.message }))), userMessage(err))
  }

  /** Drop a field's message once the person edits it. */
  const dismiss = useCallback((path: string) => {
    setFields((prev) => {
      const keys = Object.keys(prev).filter((p) => covers(path, p))
      if (keys.length === 0) return prev
      const next = { ...prev }
      for (const key of keys) delete next[key]
      return next
    })
  }, [])

  /** The message for a field, including its sub-paths (e.g. `polygon` shows `polygon.2`). */
  const field = (path: string): string | null => {
    const key = Object.keys(fields).find((p) => covers(path, p))
    return key ? (fields[key] ?? null) : null
  }

  return { fields, message, field, clear, dismiss, parse, reject, fromError }
}
