/** A grid's residents: memberships (online and offline), counted and looked up by declared indexes. */
import { MembershipDocSchema, type MembershipDoc } from '../../../../types'
import type { Deps } from '../../context'
import { findAll } from '../places/load'

export async function activeMembers(deps: Deps, gridId: string): Promise<MembershipDoc[]> {
  const raws = await findAll(
    deps,
    'memberships',
    { where: { gridId, active: true }, orderBy: { field: 'joinedAt', direction: 'desc' } },
    20,
  )
  return raws.map((raw) => MembershipDocSchema.parse(raw))
}

export function memberCount(deps: Deps, gridId: string): Promise<number> {
  return deps.store.count('memberships', { gridId, active: true })
}

/** The caller's active membership, if any (a resident has at most one home grid). */
export async function activeMembershipOf(deps: Deps, userId: string): Promise<MembershipDoc | null> {
  const page = await deps.store.find('memberships', {
    where: { userId },
    orderBy: { field: 'joinedAt', direction: 'desc' },
    limit: 20,
  })
  const active = page.items.map((raw) => MembershipDocSchema.parse(raw)).find((m) => m.active)
  return active ?? null
}
