/** Local mode only: the demo people picker, the demo login, and the dev clock the E2E tests move. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Api } from '../../cloudfunctions/api/app'
import { GridDocSchema } from '../../types'
import { DEMO_PEOPLE, demoOpenId } from '../seed/demo'
import { failure, readSmallJson, sendJson } from './http'
import type { TokenSigner } from './tokens'

export interface DevContext {
  api: Api
  tokens: TokenSigner
  mode: 'local' | 'production'
  devClock?: { advance(ms: number): void } | null
}

const LoginSchema = z.object({ key: z.string().min(1).max(40) })
const ClockSchema = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(90 * 86_400_000),
})

async function listPeople(ctx: DevContext, res: ServerResponse): Promise<void> {
  const people = await Promise.all(
    DEMO_PEOPLE.map(async (p) => {
      const raw = p.homeGridId ? await ctx.api.deps.store.get('grids', p.homeGridId) : null
      return { key: p.key, name: p.name, roleLabel: p.roleLabel, gridName: raw ? GridDocSchema.parse(raw).name : null }
    }),
  )
  sendJson(res, 200, { ok: true, data: people })
}

async function login(ctx: DevContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readSmallJson(req, 4096)
  if (raw === undefined) return sendJson(res, 400, failure('VALIDATION', '请求不是有效的 JSON'))
  const parsed = LoginSchema.safeParse(raw)
  const person = parsed.success ? DEMO_PEOPLE.find((p) => p.key === parsed.data.key) : undefined
  if (!person) return sendJson(res, 400, failure('VALIDATION', '没有这个演示身份'))
  sendJson(res, 200, { ok: true, data: ctx.tokens.sign(demoOpenId(person.key), ctx.api.deps.clock.now()) })
}

async function advanceClock(
  ctx: DevContext,
  clock: { advance(ms: number): void },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const parsed = ClockSchema.safeParse(await readSmallJson(req, 1024))
  if (!parsed.success) return sendJson(res, 400, failure('VALIDATION', '参数不正确'))
  clock.advance(parsed.data.advanceMs)
  sendJson(res, 200, { ok: true, data: { now: ctx.api.deps.clock.now(), tick: await ctx.api.tick() } })
}

export async function handleDev(
  ctx: DevContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
): Promise<void> {
  if (ctx.mode !== 'local') return sendJson(res, 404, failure('NOT_FOUND', '生产环境不提供演示登录'))
  if (route === '/dev/people' && req.method === 'GET') return listPeople(ctx, res)
  if (route === '/dev/login' && req.method === 'POST') return login(ctx, req, res)
  if (route === '/dev/clock' && req.method === 'POST' && ctx.devClock) return advanceClock(ctx, ctx.devClock, req, res)
  sendJson(res, 404, failure('NOT_FOUND', '页面不存在'))
}
