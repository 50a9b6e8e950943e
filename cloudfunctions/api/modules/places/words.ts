/**
 * Where a point is, in words people use: the grid's name and the nearest landmark of the street (a market, a
 * school, a numbered building) within a few hundred metres, e.g. “南张社区第一网格 · 近南张菜市场约 80 米”.
 */
import { LandmarkDocSchema, type LandmarkDoc, type LatLng } from '../../../../types'
import type { Deps } from '../../context'
import { cachedRead } from '../../read-cache'
import { findAll, locateGrid } from './load'
import { distanceMetres } from '../orders/geo'

/** Further than this, a landmark does not help find the spot. */
export const NEAR_METRES = 400

export function streetLandmarks(deps: Deps, streetId: string): Promise<readonly LandmarkDoc[]> {
  return cachedRead(deps, `landmarks:${streetId}`, ['landmarks'], async () =>
    (await findAll(deps, 'landmarks', { where: { streetId }, orderBy: { field: 'name', direction: 'asc' } })).map(
      (raw) => LandmarkDocSchema.parse(raw),
    ),
  )
}

/** The nearest landmark within NEAR_METRES, and how far, rounded to tens of metres. */
export function nearestLandmark(
  landmarks: readonly LandmarkDoc[],
  at: LatLng,
): { name: string; metres: number } | null {
  let best: { name: string; metres: number } | null = null
  for (const l of landmarks) {
    const metres = distanceMetres(at, l.location)
    if (metres <= NEAR_METRES && (!best || metres < best.metres)) best = { name: l.name, metres }
  }
  return best ? { name: best.name, metres: Math.max(10, Math.round(best.metres / 10) * 10) } : null
}

export function placeWords(gridName: string | null, near: { name: string; metres: number } | null): string {
  const where = gridName ?? '不在网格内（由街道派单）'
  return near ? `${where} · 近${near.name}约 ${near.metres} 米` : where
}

/** The words for a point: its grid (found by polygon) and the nearest landmark of that grid's street. */
export async function describePoint(deps: Deps, at: LatLng, streetId?: string | null, gridName?: string | null) {
  const grid = gridName === undefined ? await locateGrid(deps, at) : null
  const street = streetId ?? grid?.streetId ?? null
  const near = street ? nearestLandmark(await streetLandmarks(deps, street), at) : null
  return placeWords(gridName === undefined ? (grid?.name ?? null) : gridName, near)
}
