import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApi, type Api } from '../../cloudfunctions/api/app'
import { createLocalDeps } from '../../cloudfunctions/api/compose'
import type { Deps } from '../../cloudfunctions/api/context'
import { manualClock } from '../../cloudfunctions/api/platform/clock-ids'
import { seedDemo } from '../../scripts/seed/demo'

export const T0 = Date.parse('2026-11-23T09:00:00+08:00')

export function tempDir(prefix = 'wgt-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export interface TestApi extends Api {
  clock: ReturnType<typeof manualClock>
  logs: Record<string, unknown>[]
  uploadDir: string
  call(openId: string | null, action: string, payload?: unknown, requestId?: string): ReturnType<Api['dispatch']>
}

/** A real api on an in-memory SQLite store, with a hand-moved clock and captured logs. */
export async function createTestApi(opts: { seed?: boolean; overrides?: Partial<Deps> } = {}): Promise<TestApi> {
  const clock = manualClock(T0)
  const logs: Record<string, unknown>[] = []
  const dir = tempDir()
  const uploadDir = path.join(dir, 'uploads')
  const deps = createLocalDeps(
    { dbFile: ':memory:', uploadDir },
    { clock, log: (l) => (process.env.DEBUG_API ? console.error(l) : logs.push(l)), ...opts.overrides },
  )
  const api = createApi(deps)
  if (opts.seed) await seedDemo(deps.store, clock.now())
  return {
    ...api,
    clock,
    logs,
    uploadDir,
    call: (openId, action, payload, requestId) =>
      api.dispatch({ action, payload, ...(requestId ? { requestId } : {}) }, openId),
  }
}

/** Unwraps an ok envelope or fails the test with the error. */
export function dataOf<T = unknown>(envelope: { ok: boolean; data?: unknown; error?: unknown }): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`)
  return envelope.data as T
}
