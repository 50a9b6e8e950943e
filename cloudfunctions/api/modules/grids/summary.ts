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

/** The grid card shown on 首页: names, and its workers with masked phone numbers. */
export async function gridSummary(deps: Deps, gridId: string): Promise<GridSummary | null> {
  const rawGrid = await deps.store.get('grids', gridId)
  if (!rawGrid) return null
  const grid = GridDocSchema.parse(rawGrid)
  const [rawCommunity, rawStreet, ...rawWorkers] = await Promise.all([
    deps.store.get('communities', grid.communityId),
    deps.store.get('streets', grid.streetId),
    ...grid.workerIds.map((id) => deps.store.get('users', id)),
  ])
  const workers = rawWorkers.flatMap((raw) => (raw ? [UserDocSchema.parse(raw)] : []))
  return {
    id: grid._id,
    name: grid.name,
    communityName: rawCommunity ? CommunityDocSchema.parse(rawCommunity).name : '',
    streetName: rawStreet ? StreetDocSchema.parse(rawStreet).name : '',
    workers: workers.map((w) => ({ id: w._id, nickname: w.realName ?? w.nickname, phoneMasked: maskPhone(w.phone) })),
  }
}
