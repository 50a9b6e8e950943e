/**
 * The signed-in person (`MeView`), held once for every page: loaded on first use after login, replaced
 * by what `me.update` answers, fetched again after a change elsewhere (a join, an invite), and forgotten
 * on login and logout.
 */
import type { MeView } from '../contract'
import { call } from './api'
import { userMessage } from './call-error'
import { onSessionChange } from './session'

export interface MeState {
  me: MeView | null
  /** Chinese message of the last failed load, or null. */
  error: string | null
  loading: boolean
}

let state: MeState = { me: null, error: null, loading: false }
let inflight: Promise<void> | null = null
/** Bumped by every change, so an answer that arrives after a newer change is dropped. */
let generation = 0
const listeners = new Set<() => void>()

function publish(next: MeState): void {
  state = next
  for (const listener of listeners) listener()
}

export function currentMe(): MeState {
  return state
}

export function subscribeMe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Fetches the person again; callers at the same moment share one request. */
export function refreshMe(): Promise<void> {
  const ticket = ++generation
  publish({ ...state, loading: true, error: null })
  const request = call('me.get', {})
    .then(
      (me) => {
        if (ticket === generation) publish({ me, error: null, loading: false })
      },
      (err: unknown) => {
        if (ticket === generation) publish({ ...state, error: userMessage(err), loading: false })
      },
    )
    .finally(() => {
      if (inflight === request) inflight = null
    })
  inflight = request
  return request
}

/** The person, loaded once: nothing to do when already known or on its way. */
export function loadMe(): Promise<void> {
  if (inflight) return inflight
  return state.me ? Promise.resolve() : refreshMe()
}

/** Takes the answer of `me.update`, which is the new `MeView`. */
export function setMe(me: MeView): void {
  generation++
  inflight = null
  publish({ me, error: null, loading: false })
}

export function forgetMe(): void {
  generation++
  inflight = null
  publish({ me: null, error: null, loading: false })
}

onSessionChange(forgetMe)
