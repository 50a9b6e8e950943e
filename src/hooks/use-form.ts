import { useState } from 'react'
import type { FieldLabels } from '../copy/validation'
import { useFieldErrors } from './use-field-errors'

/**
 * A form's typed text and its messages: `field(key)` gives a TextField its value, its message and an
 * edit that clears that message; `errors.parse` checks everything with a contract schema.
 */
export function useForm<F extends Record<string, string>>(initial: F, shown: readonly string[], labels?: FieldLabels) {
  const errors = useFieldErrors(shown, labels)
  const [values, setValues] = useState<F>(initial)
  const field = (key: keyof F & string) => ({
    value: values[key],
    error: errors.field(key),
    onChange: (value: string) => {
      setValues((prev) => ({ ...prev, [key]: value }))
      errors.dismiss(key)
    },
  })
  return { values, setValues, reset: () => setValues(initial), field, errors }
}
