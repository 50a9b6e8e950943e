/**
 * Parsing a stored document the SQLite adapter handed out before: it hands out one frozen object per stored
 * text (store/parsed-docs.ts), so the parse of that object by the same schema is kept with it and reused.
 * A document that is not frozen (the CloudBase adapter's, or one built in code) is parsed every time.
 */
import type { z } from 'zod'
import { deepFreeze } from './store/parsed-docs'

const parsedBy = new WeakMap<z.ZodType, WeakMap<object, unknown>>()

/** `schema.parse(raw)`; for a frozen `raw`, the frozen result of its first parse by `schema`. */
export function parseShared<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  if (typeof raw !== 'object' || raw === null || !Object.isFrozen(raw)) return schema.parse(raw)
  let parsed = parsedBy.get(schema)
  if (!parsed) parsedBy.set(schema, (parsed = new WeakMap()))
  // Only this function puts values under `schema`, each the output of parsing with it.
  if (parsed.has(raw)) return parsed.get(raw) as z.output<S>
  const value = deepFreeze(schema.parse(raw))
  parsed.set(raw, value)
  return value
}
