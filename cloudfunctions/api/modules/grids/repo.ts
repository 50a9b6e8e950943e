/** Loading the tree from the store; every query goes through a declared index. */
import { gridAt } from './polygon'
import {
  CommunityDocSchema,
  DepartmentDocSchema,
  GridDocSchema,
  MembershipDocSchema,
  StreetDocSchema,
  UserDocSchema,
  type GridDoc,
  type LatLng,
  type MembershipDoc,
  type UserDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import type { CollectionName } from '../../store/schema'
import type { Query, StoredDoc } from '../../store/port'
import { notFound } from '../../errors'

/** Reads every page of an indexed query; for bounded sets (a street's grids, a grid's members). */
export async function findAll(
  deps: Deps,
  collection: CollectionName,
  query: Omit<Query, 'limit' | 'cursor'>,
  maxPages = 50,
): Promise<StoredDoc[]> {
  const out: StoredDoc[] = []
  let cursor: string | null = null
  for (let page = 0; page < maxPages; page++) {
    const res = await deps.store.find(collection, { ...query, limit: 100, cursor })
    out.push(...res.items)
    cursor = res.nextCursor
    if (!cursor) break
  }
  return out
}

export async function loadGrid(deps: Deps, gridId: string): Promise<GridDoc> {
  const raw = await deps.store.get('grids', gridId)
  if (!raw) throw notFound('网格不存在')
  return GridDocSchema.parse(raw)
}

export async function loadCommunity(deps: Deps, id: string) {
  const raw = await deps.store.get('communities', id)
  if (!raw) throw notFound('社区不存在')
  return CommunityDocSchema.parse(raw)
}

export async function loadStreet(deps: Deps, id: string) {
  const raw = await deps.store.get('streets', id)
  if (!raw) throw notFound('街道不存在')
  return StreetDocSchema.parse(raw)
}

export async function loadDepartment(deps: Deps, id: string) {
  const raw = await deps.store.get('departments', id)
  if (!raw) throw notFound('部门不存在')
  return DepartmentDocSchema.parse(raw)
}

export async function loadUsers(deps: Deps, ids: string[]): Promise<UserDoc[]> {
  const raws = await Promise.all(ids.map((id) => deps.store.get('users', id)))
  return raws.flatMap((raw) => (raw ? [UserDocSchema.parse(raw)] : []))
}

/** Every street's id, by name (a district has a handful). */
export async function streetIds(deps: Deps): Promise<string[]> {
  const page = await deps.store.find('streets', { where: {}, orderBy: { field: 'name', direction: 'asc' }, limit: 100 })
  return page.items.map((s) => s._id)
}

/** The grid containing `at` in any street, or null (outside every grid: the street's queue). */
export async function locateGrid(deps: Deps, at: LatLng): Promise<GridDoc | null> {
  for (const streetId of await streetIds(deps)) {
    const grids = await gridsOfStreet(deps, streetId)
    const id = gridAt(grids, at)
    if (id) return grids.find((g) => g._id === id) ?? null
  }
  return null
}

export async function gridsOfStreet(deps: Deps, streetId: string): Promise<GridDoc[]> {
  const raws = await findAll(deps, 'grids', { where: { streetId }, orderBy: { field: 'code', direction: 'asc' } })
  return raws.map((raw) => GridDocSchema.parse(raw))
}

export async function communitiesOfStreet(deps: Deps, streetId: string) {
  const raws = await findAll(deps, 'communities', { where: { streetId }, orderBy: { field: 'name', direction: 'asc' } })
  return raws.map((raw) => CommunityDocSchema.parse(raw))
}

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
