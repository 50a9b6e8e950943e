import { useCallback, useState } from 'react'
import { CallError, userMessage } from '../../services/call-error'

/** Field path (`building`, `polygon.2`) → the Chinese message to show under that field. */
export type FieldMap = Record<string, string>

interface Issue {
  path: readonly PropertyKey[]
  message: string
}

/** The first message per path of a local zod check (the contract's own schemas and messages). */
export function issuesToFields(issues: readonly Issue[]): FieldMap {
  const map: FieldMap = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.')
    map[path] ??= issue.message
  }
  return map
}

const covers = (shown: string, path: string) => path === shown || path.startsWith(`${shown}.`)

/**
 * Inline errors of one form: local zod issues, or the server's VALIDATION fields. A failure that no
 * shown field can carry becomes the form's general message.
 */
export function useFieldErrors(shown: readonly string[]) {
  const [fields, setFields] = useState<FieldMap>({})
  const [message, setMessage] = useState<string | null>(null)

  const clear = useCallback(() => {
    setFields({})
    setMessage(null)
  }, [])

  const fromIssues = useCallback((issues: readonly Issue[]) => {
    setFields(issuesToFields(issues))
    setMessage(null)
  }, [])

  const fromError = (err: unknown) => {
    const map = issuesToFields(
      err instanceof CallError ? err.fields.map((f) => ({ path: f.path.split('.'), message: f.message })) : [],
    )
    const inline = Object.keys(map).some((path) => shown.some((s) => covers(s, path)))
    setFields(map)
    setMessage(inline ? null : userMessage(err))
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

  return { fields, message, field, clear, dismiss, fromIssues, fromError }
}
