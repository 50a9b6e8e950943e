/** Loading places from the store (streets, communities, grids, departments, users); every query uses a declared index. */
import { gridAt } from '../grids/polygon'
import {
  CommunityDocSchema,
  DepartmentDocSchema,
  GridDocSchema,
  StreetDocSchema,
  UserDocSchema,
  type GridDoc,
  type LatLng,
  type UserDoc,
  ExchangePointDocSchema,
} from '../../../../types'
import type { Deps } from '../../context'
import type { CollectionName } from '../../store/schema'
import type { Query, StoredDoc } from '../../store/port'
import { updateVersioned } from '../../store/update'
import { notFound } from '../../errors'
import { cachedRead } from '../../read-cache'

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

export async function loadExchangePoint(deps: Deps, id: string) {
  const raw = await deps.store.get('exchangepoints', id)
  if (!raw) throw notFound('兑换点不存在')
  return ExchangePointDocSchema.parse(raw)
}

export async function loadUsers(deps: Deps, ids: string[]): Promise<UserDoc[]> {
  const raws = await Promise.all(ids.map((id) => deps.store.get('users', id)))
  return raws.flatMap((raw) => (raw ? [UserDocSchema.parse(raw)] : []))
}

/** Every street's id, by name (a district has a handful); reused per process (read-cache.ts). */
export function streetIds(deps: Deps): Promise<string[]> {
  return cachedRead(deps, 'streets:ids', ['streets'], async () => {
    const page = await deps.store.find('streets', {
      where: {},
      orderBy: { field: 'name', direction: 'asc' },
      limit: 100,
    })
    return page.items.map((s) => s._id)
  })
}

/** The grid containing `at` in any street, or null (outside every grid: the street's queue). */
export async function locateGrid(deps: Deps, at: LatLng): Promise<GridDoc | null> {
  for (const streetId of await streetIds(deps)) {
    const grids = await routingGrids(deps, streetId)
    const id = gridAt(grids, at)
    if (id) return grids.find((g) => g._id === id) ?? null
  }
  return null
}

export async function gridsOfStreet(deps: Deps, streetId: string): Promise<GridDoc[]> {
  const raws = await findAll(deps, 'grids', { where: { streetId }, orderBy: { field: 'code', direction: 'asc' } })
  return raws.map((raw) => GridDocSchema.parse(raw))
}

/**
 * A street's grids as every report reads them to find where it lands: reused per process (read-cache.ts),
 * so a report neither reads nor parses every polygon of the street again. Frozen: read, never change.
 */
export function routingGrids(deps: Deps, streetId: string): Promise<readonly GridDoc[]> {
  return cachedRead(deps, `grids:street:${streetId}`, ['grids'], () => gridsOfStreet(deps, streetId))
}

export async function communitiesOfStreet(deps: Deps, streetId: string) {
  const raws = await findAll(deps, 'communities', { where: { streetId }, orderBy: { field: 'name', direction: 'asc' } })
  return raws.map((raw) => CommunityDocSchema.parse(raw))
}

/** Read-modify-write of one grid with optimistic concurrency. */
export function updateGrid(deps: Deps, gridId: string, change: (grid: GridDoc) => GridDoc): Promise<GridDoc> {
  return updateVersioned(deps.store, 'grids', gridId, {
    parse: (raw) => GridDocSchema.parse(raw),
    change,
    missing: () => notFound('网格不存在'),
    attempts: 20,
  })
}

/** The streets a user belongs to: through any scoped grant, or their home grid. */
export async function callerStreets(deps: Deps, user: UserDoc): Promise<string[]> {
  const ids = new Set<string>()
  for (const g of user.roles) {
    if (g.streetId) ids.add(g.streetId)
    if (g.communityId) ids.add((await loadCommunity(deps, g.communityId)).streetId)
    if (g.departmentId) ids.add((await loadDepartment(deps, g.departmentId)).streetId)
    for (const gridId of g.gridIds ?? []) ids.add((await loadGrid(deps, gridId)).streetId)
  }
  if (user.homeGridId) ids.add((await loadGrid(deps, user.homeGridId)).streetId)
  return [...ids]
}
