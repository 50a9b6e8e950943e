/** The audit log: grants, revokes, record look-ups and reveals, appended with the place they happened at. */
import type { Deps } from '../../context'

export interface AuditEntry {
  actorId: string
  action: string
  targetType: string
  targetId: string
  detail: string
  /** Where it happened: a community admin reads only entries of their community, a street admin the street's. */
  streetId: string
  communityId?: string | null
  gridId?: string | null
}

/** Appends to the audit log; entries are never edited. */
export async function audit(deps: Deps, entry: AuditEntry): Promise<void> {
  await deps.store.insert('audit', {
    _id: deps.ids.next('aud'),
    at: deps.clock.now(),
    ...entry,
    communityId: entry.communityId ?? null,
    gridId: entry.gridId ?? null,
    version: 0,
  })
}
