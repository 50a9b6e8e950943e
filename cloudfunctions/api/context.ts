import type { Store } from './store/port'
import type { Clock, ContentCheck, Files, Ids, MiniCode, Notify } from './platform/ports'
import type { UserDoc } from '../../types'

/** Everything a handler may touch; composed once in index.ts (cloud) or by the local gateway. */
export interface Deps {
  store: Store
  files: Files
  contentCheck: ContentCheck
  notify: Notify
  miniCode: MiniCode
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
}
