/** The result envelope every action answers with, and the closed list of error codes. */
import { z } from 'zod'

/** Closed union of machine-readable error codes; Chinese text lives in src/copy/errors.ts. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'INVALID_TRANSITION',
  'UNKNOWN_ACTION',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const

export const ErrorCodeSchema = z.enum(ERROR_CODES)

/** The message of a VALIDATION failure from an input schema; handlers send a specific sentence instead. */
export const GENERIC_VALIDATION_MESSAGE = '输入有误，请检查后重试'
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
