/** The one map of every action (name → input → output, mutating or not), composed from each capability. */
import type { z } from 'zod'
import { userActions } from './users'
import { gridActions } from './grids'
import { orderActions } from './order-actions'
import { accessActions } from './access'
import { jobActions } from './jobs'
import { fileActions } from './files'
import { lostfoundActions } from './lostfound'
import { creditActions } from './credit'
import { deskActions } from './desk'
import { feedActions } from './feed'

/**
 * The one declaration of every action: name → input → output, and whether it mutates
 * (mutating actions require a client requestId and are replayed on retry).
 */
export const actions = {
  ...userActions,
  ...gridActions,
  ...accessActions,
  ...orderActions,
  ...jobActions,
  ...fileActions,
  ...lostfoundActions,
  ...creditActions,
  ...deskActions,
  ...feedActions,
} as const satisfies Record<string, { mutating: boolean; input: z.ZodType; output: z.ZodType }>

export type ActionMap = typeof actions
export type ActionName = keyof ActionMap
export type ActionInput<A extends ActionName> = z.input<ActionMap[A]['input']>
export type ActionParsedInput<A extends ActionName> = z.output<ActionMap[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<ActionMap[A]['output']>

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name)
}
