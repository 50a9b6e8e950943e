/** The short card of a grid (names and workers with masked phones) shown on a resident's 首页. */
import {
  CommunityDocSchema,
  GridDocSchema,
  StreetDocSchema,
  UserDocSchema,
  maskPhone,
  type GridSummary,
} from '../../../../types'
import type { Deps } from '../../context'
import type { Store } from '../../store/port'
import { currentDoc } from '../../read-cache'
import { parseShared } from '../../parse-shared'

/** How long a community's or street's name is reused: no action renames them, admin tooling may. */
const PLACE_NAME_TTL_MS = 60_000
const PLACE_NAMES_KEPT = 1000
/** Per store, so two stores in one process (tests, the benchmark) never share names. */
const placeNames = new WeakMap<Store, Map<string, { name: string; at: number }>>()

/** A community's or street's name: from a short-lived per-process cache, else read (and '' when missing). */
async function placeName(deps: Deps, collection: 'communities' | 'streets', id: string): Promise<string> {
  const cache = placeNames.get(deps.store) ?? new Map<string, { name: string; at: number }>()
  placeNames.set(deps.store, cache)
  const key = `${collection}/${id}`
  const now = deps.clock.now()
  const hit = cache.get(key)
  if (hit && now >= hit.at && now - hit.at < PLACE_NAME_TTL_MS) return hit.name
  const raw = await deps.store.get(collection, id)
  if (!raw) return ''
  const name = (collection === 'communities' ? CommunityDocSchema : StreetDocSchema).parse(raw).name
  if (cache.size >= PLACE_NAMES_KEPT) cache.clear()
  cache.set(key, { name, at: now })
  return name
}

/** The grid card shown on 首页: names, the grid as stored now, and its workers (read fresh: they change) with masked phone numbers. */
export async function gridSummary(deps: Deps, gridId: string): Promise<GridSummary | null> {
  const grid = await currentDoc(deps, 'grids', gridId, (raw) => GridDocSchema.parse(raw))
  if (!grid) return null
  const rawWorkers = await Promise.all(grid.workerIds.map((id) => deps.store.get('users', id)))
  const workers = rawWorkers.flatMap((raw) => (raw ? [parseShared(UserDocSchema, raw)] : []))
  return {
    id: grid._id,
    name: grid.name,
    communityName: await placeName(deps, 'communities', grid.communityId),
    streetName: await placeName(deps, 'streets', grid.streetId),
    workers: workers.map((w) => ({ id: w._id, nickname: w.realName ?? w.nickname, phoneMasked: maskPhone(w.phone) })),
  }
}
