/** What every handler receives: the ports (store, files, checks, notifications, clock, ids) and the caller. */
import type { Store } from './store/port'
import type { Clock, ContentCheck, Files, Ids, MiniCode, GroupIdentity, Notify } from './platform/ports'
import type { UserDoc } from '../../types'
import type { Place } from './modules/places/place'

/** Tunable rules read from the environment (see config.ts). */
export interface Settings {
  /** A report further than this from every grid of every street is refused (metres). */
  reportRadiusMetres: number
  /** A resident's question without a staff reply this long is told to the grid's workers; twice as long, flagged up. */
  unansweredHours: number
}

export const DEFAULT_SETTINGS: Settings = { reportRadiusMetres: 2000, unansweredHours: 24 }

/** Everything a handler may touch; composed once in index.ts (cloud) or by the local gateway. */
export interface Deps {
  settings: Settings
  store: Store
  files: Files
  contentCheck: ContentCheck
  notify: Notify
  miniCode: MiniCode
  groups: GroupIdentity
  clock: Clock
  ids: Ids
  log: (line: Record<string, unknown>) => void
}

export interface HandlerContext {
  deps: Deps
  user: UserDoc
  openId: string
  /** The client's requestId on mutating actions, for deterministic ids of created documents. */
  requestId: string | null
  /** The places the dispatcher resolved from the input and checked: a handler uses them instead of resolving again. */
  places: readonly Place[]
}
