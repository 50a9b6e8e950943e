/**
 * A map-like SVG sketch drawn from the polygons the store holds (no tile server is reachable offline): the grids
 * around a place, the focus grid filled, names where people read them, landmarks and the point as a pin.
 * North is up; east-west is shrunk by cos(latitude) so shapes look true. Pure, so it is tested and reused by
 * the grid editor (toLatLng turns a tap back into a point).
 */
import type { LatLng } from '../../contract'

export const SKETCH_W = 360
export const SKETCH_H = 240

export interface Frame {
  minX: number
  maxY: number
  scale: number
  k: number
  offX: number
  offY: number
}

/** The frame that shows `points` with a margin, in a SKETCH_W×SKETCH_H box. */
export function frameOf(points: LatLng[], margin = 0.35): Frame {
  const all = points.length ? points : [{ lat: 0, lng: 0 }]
  const meanLat = all.reduce((s, p) => s + p.lat, 0) / all.length
  const k = Math.cos((meanLat * Math.PI) / 180)
  const xs = all.map((p) => p.lng * k)
  const ys = all.map((p) => p.lat)
  const w = Math.max(Math.max(...xs) - Math.min(...xs), 1e-4)
  const h = Math.max(Math.max(...ys) - Math.min(...ys), 1e-4)
  const scale = Math.min(SKETCH_W / (w * (1 + 2 * margin)), SKETCH_H / (h * (1 + 2 * margin)))
  return {
    minX: Math.min(...xs),
    maxY: Math.max(...ys),
    scale,
    k,
    offX: (SKETCH_W - w * scale) / 2,
    offY: (SKETCH_H - h * scale) / 2,
  }
}

export const toXY = (f: Frame, p: LatLng) => ({
  x: f.offX + (p.lng * f.k - f.minX) * f.scale,
  y: f.offY + (f.maxY - p.lat) * f.scale,
})

/** The point under (x, y) of the sketch, rounded to 6 decimals (about 10 cm). */
export function toLatLng(f: Frame, x: number, y: number): LatLng {
  const lat = f.maxY - (y - f.offY) / f.scale
  const lng = ((x - f.offX) / f.scale + f.minX) / f.k
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) }
}

export interface SketchGrid {
  id: string
  name: string
  polygon: LatLng[]
}

const r1 = (n: number) => Math.round(n * 10) / 10
const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
const centroid = (ps: LatLng[]) => ({
  lat: ps.reduce((s, p) => s + p.lat, 0) / Math.max(ps.length, 1),
  lng: ps.reduce((s, p) => s + p.lng, 0) / Math.max(ps.length, 1),
})

export interface SketchInput {
  frame: Frame
  grids: SketchGrid[]
  focusId?: string | null
  landmarks?: { name: string; location: LatLng }[]
  point?: LatLng | null
  /** The grid editor's vertices, numbered. */
  vertices?: LatLng[]
}

export function sketchSvg({ frame, grids, focusId, landmarks = [], point, vertices }: SketchInput): string {
  const ring = (ps: LatLng[]) =>
    ps
      .map((p) => toXY(frame, p))
      .map((p) => `${r1(p.x)},${r1(p.y)}`)
      .join(' ')
  const shapes = grids
    .map((g) =>
      g.id === focusId
        ? `<polygon points="${ring(g.polygon)}" fill="rgba(229,48,41,0.16)" stroke="#d42a20" stroke-width="2.5" stroke-linejoin="round"/>`
        : `<polygon points="${ring(g.polygon)}" fill="#ffffff" stroke="#b8bec8" stroke-width="1" stroke-linejoin="round"/>`,
    )
    .join('')
  const names = grids
    .map((g) => {
      const c = toXY(frame, centroid(g.polygon))
      const focus = g.id === focusId
      return `<text x="${r1(c.x)}" y="${r1(c.y - 22)}" font-size="${focus ? 12 : 10}" fill="${focus ? '#a61f17' : '#6b7280'}" text-anchor="middle" font-family="sans-serif" font-weight="${focus ? 600 : 400}">${esc(g.name.replace(/社区/, ''))}</text>`
    })
    .join('')
  const marks = landmarks
    .map((l) => {
      const p = toXY(frame, l.location)
      return `<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="3" fill="#2f6fe0"/><text x="${r1(p.x + 5)}" y="${r1(p.y + 3)}" font-size="9" fill="#2f5bb8" font-family="sans-serif">${esc(l.name)}</text>`
    })
    .join('')
  const pin = point
    ? (() => {
        const p = toXY(frame, point)
        return `<path d="M${r1(p.x)} ${r1(p.y)}l-7-14a8 8 0 1 1 14 0z" fill="#d42a20" stroke="#fff" stroke-width="1.5"/><circle cx="${r1(p.x)}" cy="${r1(p.y - 17)}" r="3" fill="#fff"/>`
      })()
    : ''
  const dots = (vertices ?? [])
    .map((v, i) => {
      const p = toXY(frame, v)
      return `<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="9" fill="#d42a20"/><text x="${r1(p.x)}" y="${r1(p.y + 4)}" font-size="11" fill="#fff" text-anchor="middle" font-family="sans-serif">${i + 1}</text>`
    })
    .join('')
  const editing =
    vertices && vertices.length >= 2
      ? `<polyline points="${ring(vertices.length >= 3 ? [...vertices, vertices[0] as LatLng] : vertices)}" fill="${vertices.length >= 3 ? 'rgba(229,48,41,0.16)' : 'none'}" stroke="#d42a20" stroke-width="2" stroke-dasharray="${vertices.length >= 3 ? '0' : '4 3'}"/>`
      : ''
  const north = `<path d="M${SKETCH_W - 18} 12l-6 11h12z" fill="#6b7280"/><text x="${SKETCH_W - 18}" y="34" font-size="10" fill="#6b7280" text-anchor="middle" font-family="sans-serif">北</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SKETCH_W} ${SKETCH_H}" width="${SKETCH_W}" height="${SKETCH_H}"><rect width="${SKETCH_W}" height="${SKETCH_H}" fill="#eef1f4"/>${shapes}${names}${marks}${editing}${dots}${pin}${north}</svg>`
}
