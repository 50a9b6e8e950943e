/**
 * The closed list of error codes and the generic validation sentence, without zod: the browser's login
 * page reads them without loading the contract's schemas (the H5 build treats types/ as side-effect free).
 */

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

/** The message of a VALIDATION failure from an input schema; handlers send a specific sentence instead. */
export const GENERIC_VALIDATION_MESSAGE = '输入有误，请检查后重试'
