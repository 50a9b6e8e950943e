/** The result envelope every action answers with; the error codes themselves are in error-codes.ts. */
import { z } from 'zod'
import { ERROR_CODES } from './error-codes'

export { ERROR_CODES, GENERIC_VALIDATION_MESSAGE } from './error-codes'

export const ErrorCodeSchema = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() })
export type FieldError = z.infer<typeof FieldErrorSchema>

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  fields: z.array(FieldErrorSchema).optional(),
  errorId: z.string().optional(),
})
export type ApiError = z.infer<typeof ApiErrorSchema>

export const FailureSchema = z.object({ ok: z.literal(false), error: ApiErrorSchema })

export function envelopeOf<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), FailureSchema])
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** What the client sends: to `callFunction({ name: 'api', data })` or as the body of `POST /api`. */
export const RequestSchema = z.object({
  action: z.string().min(1).max(64),
  payload: z.unknown().optional(),
  requestId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
})
export type ApiRequest = z.infer<typeof RequestSchema>
