import { z } from 'zod'

/** Mainland mobile number; masked as 138****5678 in every view but the owner's. */
export const PhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确')
