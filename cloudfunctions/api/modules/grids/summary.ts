/** The short card of a grid (names and workers with masked phones) shown on a resident's 首页. */
import { CommunityDocSchema, GridDocSchema, StreetDocSchema, maskPhone, type GridSummary } from '../../../../types'
import type { Deps } from '../../context'
import type { Store } from '../../store/port'
import { currentDoc } from '../../read-cache'
import { parseUser } from '../../users'

/** How long a community's or street's name is reused: no action renames them, admin tooling may. */
const PLACE_NAME_TTL_MS = 60_000
const PLACE_NAMES_KEPT = 1000
/** Per store, so two stores in one process (tests, the benchmark) never share names. */
const placeNames = new WeakMap<Store, Map<string, { name: string; at: number }>>()

/** A community's or street's name: from a short-lived per-process cache, else read (and '' when missing). */
async function placeName(deps: Deps, collection: 'communities' | 'streets', id: string): Promise<string> {
  let cache = placeNames.get(deps.store)
  if (!cache) placeNames.set(deps.store, (cache = new Map()))
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

/** The grid card shown on 首页: names, the grid and its workers as stored now (they change), with masked phone numbers. */
export async function gridSummary(deps: Deps, gridId: string): Promise<GridSummary | null> {
  const grid = await currentDoc(deps, 'grids', gridId, (raw) => GridDocSchema.parse(raw))
  if (!grid) return null
  const [communityName, streetName, ...found] = await Promise.all([
    placeName(deps, 'communities', grid.communityId),
    placeName(deps, 'streets', grid.streetId),
    ...grid.workerIds.map((id) => currentDoc(deps, 'users', id, parseUser)),
  ])
  return {
    id: grid._id,
    name: grid.name,
    communityName,
    streetName,
    workers: found.flatMap((w) =>
      w ? [{ id: w._id, nickname: w.realName ?? w.nickname, phoneMasked: maskPhone(w.phone) }] : [],
    ),
  }
}
