import { PhoneSchema, actions } from '../contract'

/** Checks a nickname with the contract's own rule, so the message matches the server's. */
export function nicknameProblem(value: string): string | null {
  const result = actions['me.update'].input.safeParse({ nickname: value })
  return result.success ? null : (result.error.issues[0]?.message ?? '昵称格式不正确')
}

export function phoneProblem(value: string): string | null {
  const trimmed = value.trim()
  if (trimmed === '') return '请填写手机号'
  return PhoneSchema.safeParse(trimmed).success ? null : '手机号格式不正确'
}
