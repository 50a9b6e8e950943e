/**
 * The one entry every call goes through: parse the request, identify the caller, check the role,
 * bound and validate the input, check the place against the caller's scope, replay or run the
 * handler, and shape the envelope. Never leaks a stack trace.
 */
import { z } from 'zod'
import {
  actions,
  GENERIC_VALIDATION_MESSAGE,
  isActionName,
  RequestSchema,
  type ActionName,
  type ActionParsedInput,
  type Envelope,
  type FieldError,
  type UserDoc,
} from '../../types'
import type { Deps } from './context'
import { AppError } from './errors'
import { withIdempotency, requestKey } from './idempotency'
import { registry } from './registry'
import type { Handler } from './handler'
import { mayAct } from './modules/places/can'
import { payloadProblem } from './payload-bounds'
import { isScoped, type Place } from './modules/places/place'
import { ensureUser } from './users'
import { InvalidCursorError } from './store/plan'
import { StoreConflictError } from './store/port'

z.config(z.locales.zhCN())

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }))
}

function fail(
  code: Exclude<Envelope<never>, { ok: true }>['error']['code'],
  message: string,
  fields?: FieldError[],
): Envelope<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } }
}

function allowed(user: UserDoc, roles: Handler<ActionName>['roles']): boolean {
  return roles === 'any' || user.roles.some((grant) => roles.includes(grant.role))
}

/** Resolves the places the action acts on; a caller whose scope lacks one is refused before the handler runs. */
async function checkPlace<A extends ActionName>(
  deps: Deps,
  handler: Handler<A>,
  user: UserDoc,
  input: ActionParsedInput<A>,
): Promise<{ places: Place[] } | { refusal: Envelope<never> }> {
  const resolved = await handler.place(deps, input, user)
  const places = Array.isArray(resolved) ? resolved : [resolved]
  if (mayAct(user, handler.roles, places)) return { places }
  const refused = places.filter(isScoped).find((p) => !mayAct(user, handler.roles, p))
  if (refused?.hidden) return { refusal: fail('NOT_FOUND', refused.refusal ?? '内容不存在或已删除') }
  return { refusal: fail('FORBIDDEN', refused?.refusal ?? '您没有权限进行此操作') }
}

async function runHandler<A extends ActionName>(
  deps: Deps,
  action: A,
  user: UserDoc,
  openId: string,
  payload: unknown,
  requestId: string | null,
): Promise<Envelope<unknown>> {
  const spec = actions[action]
  const parsed = spec.input.safeParse(payload ?? {})
  if (!parsed.success) return fail('VALIDATION', GENERIC_VALIDATION_MESSAGE, fieldErrors(parsed.error))
  // The registry is keyed by the same names; the cast narrows the union lookup to this action.
  const handler = registry[action] as unknown as Handler<A>
  const input = parsed.data as ActionParsedInput<A>
  const checked = await checkPlace(deps, handler, user, input)
  if ('refusal' in checked) return checked.refusal
  const output = await handler.handle({ deps, user, openId, requestId, places: checked.places }, input)
  return { ok: true, data: spec.output.parse(output) }
}

export function createDispatcher(deps: Deps) {
  return async function dispatch(event: unknown, openId: string | null): Promise<Envelope<unknown>> {
    try {
      const request = RequestSchema.safeParse(event)
      if (!request.success) return fail('VALIDATION', '请求格式不正确', fieldErrors(request.error))
      const { action, payload, requestId } = request.data
      if (!isActionName(action)) return fail('UNKNOWN_ACTION', '不支持的操作')
      const tooBig = payloadProblem(payload)
      if (tooBig) return fail('VALIDATION', `${tooBig}，请精简后重试`, [{ path: 'payload', message: tooBig }])
      if (!openId) return fail('UNAUTHENTICATED', '请先登录')
      const user = await ensureUser(deps, openId)
      const handler = registry[action]
      if (!allowed(user, handler.roles)) return fail('FORBIDDEN', '您没有权限进行此操作')
      if (!actions[action].mutating) return await guarded(() => runHandler(deps, action, user, openId, payload, null))
      if (!requestId)
        return fail('VALIDATION', '缺少请求编号', [{ path: 'requestId', message: '修改类操作必须携带请求编号' }])
      return await withIdempotency(deps, requestKey(user._id, action, requestId), payload, () =>
        guarded(() => runHandler(deps, action, user, openId, payload, requestId)),
      )
    } catch (err) {
      return internal(err)
    }

    async function guarded(run: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
      try {
        return await run()
      } catch (err) {
        if (err instanceof AppError) return fail(err.code, err.message, err.fields)
        if (err instanceof StoreConflictError) return fail('CONFLICT', '操作太频繁，数据正被他人修改，请稍后重试')
        if (err instanceof InvalidCursorError)
          return fail('VALIDATION', '分页参数无效，请刷新后重试', [{ path: 'cursor', message: '无效的分页游标' }])
        return internal(err)
      }
    }

    function internal(err: unknown): Envelope<never> {
      // Drawn only for a fault: random ids cost more than the rest of a cheap call.
      const errorId = deps.ids.next('err')
      deps.log({
        level: 'error',
        errorId,
        message: err instanceof Error ? err.message : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      })
      return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试', errorId } }
    }
  }
}
