/** Server-side half of each action: the roles allowed and the handler. Contract half lives in types/. */
import type { ActionName, ActionOutput, ActionParsedInput, Role } from '../../types'
import type { HandlerContext } from './context'
import { meHandlers } from './modules/me/handlers'
import { messageHandlers } from './modules/messages/handlers'
import { jobHandlers } from './jobs/handlers'

export type Handler<A extends ActionName> = {
  /** 'any' = every signed-in user; otherwise the caller needs one of these roles. */
  roles: 'any' | readonly Role[]
  handle: (ctx: HandlerContext, input: ActionParsedInput<A>) => Promise<ActionOutput<A>>
}

export type Registry = { [A in ActionName]: Handler<A> }

export const registry: Registry = {
  ...meHandlers,
  ...messageHandlers,
  ...jobHandlers,
}
