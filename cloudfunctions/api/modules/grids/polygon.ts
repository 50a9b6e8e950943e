/** Grid polygon rules: at least 3 distinct points, inside China, edges that do not cross. */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { polygon as turfPolygon, point as turfPoint } from '@turf/helpers'
import type { FieldError, GridDoc, LatLng } from '../../../../types'

const CHINA = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 }

function orientation(a: LatLng, b: LatLng, c: LatLng): number {
  const v = (b.lng - a.lng) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lng - a.lng)
  return Math.abs(v) < 1e-12 ? 0 : v > 0 ? 1 : -1
}

function onSegment(a: LatLng, b: LatLng, p: LatLng): boolean {
  return (
    Math.min(a.lng, b.lng) <= p.lng &&
    p.lng <= Math.max(a.lng, b.lng) &&
    Math.min(a.lat, b.lat) <= p.lat &&
    p.lat <= Math.max(a.lat, b.lat)
  )
}

export function segmentsIntersect(p1: LatLng, p2: LatLng, q1: LatLng, q2: LatLng): boolean {
  const o1 = orientation(p1, p2, q1)
  const o2 = orientation(p1, p2, q2)
  const o3 = orientation(q1, q2, p1)
  const o4 = orientation(q1, q2, p2)
  if (o1 !== o2 && o3 !== o4) return true
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) ||
    (o4 === 0 && onSegment(q1, q2, p2))
  )
}

/** Field errors for a polygon given as an open ring (the last point joins the first). */
export function polygonErrors(points: LatLng[], field = 'polygon'): FieldError[] {
  const ring =
    points.length > 1 && points[0]?.lat === points.at(-1)?.lat && points[0]?.lng === points.at(-1)?.lng
      ? points.slice(0, -1)
      : points
  const distinct = new Set(ring.map((p) => `${p.lat},${p.lng}`))
  if (distinct.size < 3) return [{ path: field, message: '网格边界至少需要 3 个不同的点' }]
  const outside = ring.findIndex(
    (p) => p.lat < CHINA.minLat || p.lat > CHINA.maxLat || p.lng < CHINA.minLng || p.lng > CHINA.maxLng,
  )
  if (outside >= 0) return [{ path: `${field}.${outside}`, message: '边界点不在中国境内，请检查经纬度（GCJ-02）' }]
  const n = ring.length
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue // neighbouring edges share a vertex
      const a1 = ring[i]
      const a2 = ring[(i + 1) % n]
      const b1 = ring[j]
      const b2 = ring[(j + 1) % n]
      if (a1 && a2 && b1 && b2 && segmentsIntersect(a1, a2, b1, b2))
        return [{ path: field, message: '网格边界线不能交叉，请按顺序描点' }]
    }
  }
  return []
}

/** The grid containing a point; a point on a shared edge belongs to the grid with the lowest code. */
export function gridAt(grids: Pick<GridDoc, '_id' | 'code' | 'polygon' | 'archived'>[], at: LatLng): string | null {
  const pt = turfPoint([at.lng, at.lat])
  const hits = grids
    .filter((g) => !g.archived && g.polygon.length >= 3)
    .filter((g) => {
      const ring = g.polygon.map((p) => [p.lng, p.lat])
      const first = ring[0]
      if (!first) return false
      return booleanPointInPolygon(pt, turfPolygon([[...ring, first]]))
    })
    .sort((a, b) => a.code.localeCompare(b.code))
  return hits[0]?._id ?? null
}
