import type { Deps } from '../../context'

export interface AuditEntry {
  actorId: string
  action: string
  targetType: string
  targetId: string
  detail: string
  streetId: string
}

/** Appends to the audit log (grants, revokes, record look-ups); entries are never edited. */
export async function audit(deps: Deps, entry: AuditEntry): Promise<void> {
  await deps.store.insert('audit', { _id: deps.ids.next('aud'), at: deps.clock.now(), ...entry, version: 0 })
}
