/** Distances for orders on the ground: between two reports (duplicates nearby) and from a report to a grid. */
import distance from '@turf/distance'
import pointToPolygonDistance from '@turf/point-to-polygon-distance'
import type { LatLng } from '../../../../types'
import { hasArea, toTurfPolygon } from '../grids/polygon'

const position = (p: LatLng) => [p.lng, p.lat]

/** Great-circle distance in metres (haversine); accurate enough for "within ~100 m". */
export function distanceMetres(a: LatLng, b: LatLng): number {
  return distance(position(a), position(b), { units: 'meters' })
}

/** Metres from a point to the nearest edge of a grid, 0 inside it; Infinity for a grid without an area. */
export function distanceToGridMetres(polygon: LatLng[], at: LatLng): number {
  if (!hasArea(polygon)) return Infinity
  return Math.max(0, pointToPolygonDistance(position(at), toTurfPolygon(polygon), { units: 'meters' }))
}
