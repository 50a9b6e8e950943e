/**
 * Open reports near a point, found by place: each order carries a coarse cell (a 7-character geohash,
 * about 150 m × 120 m here), and a point looks in its cell and the 8 around it, for one category, last week.
 */
import geohash from 'ngeohash'
import { OPEN_STATES, OrderDocSchema, type LatLng, type OrderDoc } from '../../../../types'
import type { Deps } from '../../context'
import { locateGrid } from '../places/load'
import { distanceMetres } from './geo'
import { categoriesOf, loadCategory } from './repo'

const DAY = 24 * 60 * 60 * 1000
export const NEARBY_METRES = 100
const CELL_PRECISION = 7

/** The coarse cell an order is filed under, or null for an order without a place. */
export const cellOf = (at: LatLng | null | undefined): string | null =>
  at ? geohash.encode(at.lat, at.lng, CELL_PRECISION) : null

/** The street's category of the chosen name at the point (a rider may pick another street's list). */
async function categoryAt(deps: Deps, categoryId: string, at: LatLng): Promise<string> {
  const chosen = await loadCategory(deps, categoryId)
  const grid = await locateGrid(deps, at)
  if (!grid || grid.streetId === chosen.streetId) return chosen._id
  return (await categoriesOf(deps, grid.streetId)).find((c) => c.name === chosen.name)?._id ?? chosen._id
}

/** Up to 5 open orders of the category within 100 m of `at` reported in the last 7 days, nearest first. */
export async function nearbyOpen(deps: Deps, categoryId: string, at: LatLng): Promise<{ o: OrderDoc; d: number }[]> {
  const home = cellOf(at) ?? ''
  const cells = [home, ...geohash.neighbors(home)]
  const page = await deps.store.find('orders', {
    where: {
      categoryId: await categoryAt(deps, categoryId, at),
      cell: { in: cells },
      createdAt: { gte: deps.clock.now() - 7 * DAY },
    },
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: 100,
  })
  return page.items
    .map((raw) => OrderDocSchema.parse(raw))
    .filter((o) => OPEN_STATES.includes(o.state) && o.location)
    .map((o) => ({ o, d: o.location ? distanceMetres(o.location, at) : Infinity }))
    .filter(({ d }) => d <= NEARBY_METRES)
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
}
