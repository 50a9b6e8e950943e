import type { ErrorCode, FieldError } from '../contract'
import { BAD_RESPONSE_MESSAGE, ERROR_COPY, NETWORK_MESSAGE, messageForError } from '../copy/errors'

export type FailureKind = 'network' | 'server'

/** What a failed call throws: either the network failed, or the server answered with an error envelope. */
export class CallError extends Error {
  readonly kind: FailureKind
  readonly code: ErrorCode | null
  readonly fields: FieldError[]

  constructor(kind: FailureKind, code: ErrorCode | null, message: string, fields: FieldError[] = []) {
    super(message)
    this.name = 'CallError'
    this.kind = kind
    this.code = code
    this.fields = fields
  }

  static network(): CallError {
    return new CallError('network', null, NETWORK_MESSAGE)
  }

  static badResponse(): CallError {
    return new CallError('server', 'INTERNAL', BAD_RESPONSE_MESSAGE)
  }

  static fromEnvelope(code: ErrorCode, message: string, fields: FieldError[] = []): CallError {
    return new CallError('server', code, messageForError(code, message, fields), fields)
  }
}

/** The Chinese sentence to show for anything a call can throw. */
export function userMessage(err: unknown): string {
  if (err instanceof CallError) return err.message
  return ERROR_COPY.INTERNAL
}

/** The message of one field, e.g. `phone`, when the server rejected it. */
export function fieldMessage(err: unknown, path: string): string | null {
  if (!(err instanceof CallError)) return null
  return err.fields.find((f) => f.path === path)?.message ?? null
}
