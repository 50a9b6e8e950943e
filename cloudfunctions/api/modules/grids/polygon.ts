/** Grid polygon rules (at least 3 distinct points, inside China, edges that do not cross) and point-in-grid routing. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { polygon as turfPolygon, point as turfPoint } from '@turf/helpers'
import kinks from '@turf/kinks'
import type { FieldError, GridDoc, LatLng } from '../../../../types'

const CHINA = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 }

const samePoint = (a: LatLng | undefined, b: LatLng | undefined) => a?.lat === b?.lat && a?.lng === b?.lng

/** The ring without its closing point, whether or not the caller closed it. */
function openRing(points: readonly LatLng[]): readonly LatLng[] {
  return points.length > 1 && samePoint(points[0], points.at(-1)) ? points.slice(0, -1) : points
}

/** Whether the points span an area at all (3 or more, not counting a closing point). */
export function hasArea(points: readonly LatLng[]): boolean {
  return openRing(points).length >= 3
}

/** Turf shapes of frozen (cached, never changed) polygons, so routing builds each grid's shape once. */
const shapes = new WeakMap<readonly LatLng[], ReturnType<typeof buildTurfPolygon>>()

/** A GeoJSON polygon ([lng, lat], closed ring) for turf; throws unless `hasArea(points)`. */
export function toTurfPolygon(points: readonly LatLng[]) {
  if (!Object.isFrozen(points)) return buildTurfPolygon(points)
  let shape = shapes.get(points)
  if (!shape) shapes.set(points, (shape = buildTurfPolygon(points)))
  return shape
}

function buildTurfPolygon(points: readonly LatLng[]) {
  const ring = openRing(points).map((p) => [p.lng, p.lat])
  const first = ring[0]
  return turfPolygon([first ? [...ring, first] : ring])
}

function isInChina(p: LatLng): boolean {
  return p.lat >= CHINA.minLat && p.lat <= CHINA.maxLat && p.lng >= CHINA.minLng && p.lng <= CHINA.maxLng
}

/** Field errors for a polygon given as an open ring (the last point joins the first). */
export function polygonErrors(points: LatLng[], field = 'polygon'): FieldError[] {
  const ring = openRing(points)
  const distinct = new Set(ring.map((p) => `${p.lat},${p.lng}`))
  if (distinct.size < 3) return [{ path: field, message: '网格边界至少需要 3 个不同的点' }]
  const outside = ring.findIndex((p) => !isInChina(p))
  if (outside >= 0) return [{ path: `${field}.${outside}`, message: '边界点不在中国境内，请检查经纬度（GCJ-02）' }]
  if (kinks(toTurfPolygon(ring)).features.length > 0) {
    return [{ path: field, message: '网格边界线不能交叉，请按顺序描点' }]
  }
  return []
}

/** The grid containing a point; a point on a shared edge belongs to the grid with the lowest code. */
export function gridAt(
  grids: readonly Pick<GridDoc, '_id' | 'code' | 'polygon' | 'archived'>[],
  at: LatLng,
): string | null {
  const pt = turfPoint([at.lng, at.lat])
  const hits = grids
    .filter((g) => !g.archived && hasArea(g.polygon))
    .filter((g) => booleanPointInPolygon(pt, toTurfPolygon(g.polygon)))
    .sort((a, b) => a.code.localeCompare(b.code))
  return hits[0]?._id ?? null
}
