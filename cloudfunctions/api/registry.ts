/** Server-side half of each action: the roles allowed and the handler. Contract half lives in types/. */
import type { ActionName, ActionOutput, ActionParsedInput, Role } from '../../types'
import type { HandlerContext } from './context'
import { meHandlers } from './modules/me/handlers'
import { messageHandlers } from './modules/messages/handlers'
import { jobHandlers } from './jobs/handlers'
import { gridTreeHandlers } from './modules/grids/tree-handlers'
import { gridJoinHandlers } from './modules/grids/join-handlers'
import { gridMemberHandlers } from './modules/grids/member-handlers'
import { departmentHandlers } from './modules/departments/handlers'
import { inviteHandlers } from './modules/invites/handlers'
import { auditHandlers } from './modules/audit/handlers'
import { orderHandlers } from './modules/orders/handlers'
import { categoryHandlers } from './modules/orders/categories'
import { fileHandlers } from './modules/files/handlers'

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
  ...gridTreeHandlers,
  ...gridJoinHandlers,
  ...gridMemberHandlers,
  ...departmentHandlers,
  ...inviteHandlers,
  ...auditHandlers,
  ...orderHandlers,
  ...categoryHandlers,
  ...fileHandlers,
}
