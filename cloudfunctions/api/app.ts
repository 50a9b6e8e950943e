/** The api as a value: dispatch for calls, tick for the timer. Both entry points build one of these. */
import type { Deps } from './context'
import { createDispatcher } from './dispatch'
import { runTick } from './jobs/tick'
import { logWrites } from './store/write-log'

export function createApi(composed: Deps) {
  // Writes are logged so per-process caches (read-cache.ts) drop what this process changed at once.
  const deps: Deps = { ...composed, store: logWrites(composed.store) }
  const dispatch = createDispatcher(deps)
  return {
    deps,
    dispatch,
    tick: () => runTick(deps),
  }
}

export type Api = ReturnType<typeof createApi>

/** CloudBase timer triggers call the function with `{ Type: 'Timer', TriggerName, Time }` and no user. */
export function isTimerEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'Type' in event && event.Type === 'Timer'
}
