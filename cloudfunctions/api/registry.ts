/** Every action's server half (roles, place, handler), gathered from the modules' handlers files. */
import type { ActionName } from '../../types'
import type { Handler } from './handler'
import { meHandlers } from './modules/me/handlers'
import { messageHandlers } from './modules/messages/handlers'
import { jobHandlers } from './jobs/handlers'
import { gridTreeHandlers } from './modules/grids/tree-handlers'
import { gridJoinHandlers } from './modules/grids/join-handlers'
import { gridMemberHandlers } from './modules/grids/member-handlers'
import { departmentHandlers } from './modules/departments/handlers'
import { accessHandlers } from './modules/access/handlers'
import { auditHandlers } from './modules/access/audit-handlers'
import { orderHandlers } from './modules/orders/handlers'
import { categoryHandlers } from './modules/orders/categories'
import { fileHandlers } from './modules/files/handlers'
import { lostfoundHandlers } from './modules/lostfound/handlers'
import { creditHandlers } from './modules/credit/handlers'
import { marketHandlers } from './modules/credit/market'
import { activityHandlers } from './modules/credit/activities'
import { deskHandlers } from './modules/desk/handlers'
import { feedHandlers } from './modules/feed/handlers'

export type Registry = { [A in ActionName]: Handler<A> }

export const registry: Registry = {
  ...meHandlers,
  ...messageHandlers,
  ...jobHandlers,
  ...gridTreeHandlers,
  ...gridJoinHandlers,
  ...gridMemberHandlers,
  ...departmentHandlers,
  ...accessHandlers,
  ...auditHandlers,
  ...orderHandlers,
  ...categoryHandlers,
  ...fileHandlers,
  ...lostfoundHandlers,
  ...creditHandlers,
  ...marketHandlers,
  ...activityHandlers,
  ...deskHandlers,
  ...feedHandlers,
}
