/** The server half of an action: the roles allowed, the place it acts on, and the handler. */
import type { ActionName, ActionOutput, ActionParsedInput, Role } from '../../types'
import type { HandlerContext } from './context'
import type { PlaceRule } from './modules/places/rules'

export interface Handler<A extends ActionName> {
  /** 'any' = every signed-in user; otherwise the caller needs one of these roles. */
  roles: 'any' | readonly Role[]
  /**
   * Where the action acts, derived from its input. The dispatcher resolves it and checks, before
   * `handle` runs, that a grant of one of `roles` contains it (see modules/places/can.ts).
   */
  place: PlaceRule<ActionParsedInput<A>>
  handle: (ctx: HandlerContext, input: ActionParsedInput<A>) => Promise<ActionOutput<A>>
}

export type Handlers<A extends ActionName> = { [K in A]: Handler<K> }
