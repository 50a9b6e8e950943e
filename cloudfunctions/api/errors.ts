/** Errors a handler throws for the caller to read: a stable code and a Chinese sentence. */
import type { ErrorCode, FieldError } from '../../types'

/** A failure the caller should see: a stable code plus a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message)
export const notFound = (message = '内容不存在或已删除') => new AppError('NOT_FOUND', message)
export const conflict = (message = '数据已被他人修改，请刷新后重试') => new AppError('CONFLICT', message)
export const validation = (message: string, fields?: FieldError[]) => new AppError('VALIDATION', message, fields)
