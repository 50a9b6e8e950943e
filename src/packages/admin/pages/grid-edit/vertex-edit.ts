/** The grid editor's pure steps: which vertex a tap is on, adding, moving and removing vertices. */
import type { LatLng } from '../../../../contract'
import { toXY, type Frame } from '../../../../components/map-sketch/sketch'

/** Sketch units within which a tap picks a vertex (the dots are 9 wide). */
export const PICK_RADIUS = 14

export function vertexAt(frame: Frame, vertices: LatLng[], x: number, y: number): number | null {
  let best: { i: number; d: number } | null = null
  vertices.forEach((v, i) => {
    const p = toXY(frame, v)
    const d = Math.hypot(p.x - x, p.y - y)
    if (d <= PICK_RADIUS && (!best || d < best.d)) best = { i, d }
  })
  return (best as { i: number } | null)?.i ?? null
}

export const addVertex = (vertices: LatLng[], at: LatLng): LatLng[] => [...vertices, at]

export const moveVertex = (vertices: LatLng[], index: number, to: LatLng): LatLng[] =>
  vertices.map((v, i) => (i === index ? to : v))

export const removeVertex = (vertices: LatLng[], index: number): LatLng[] => vertices.filter((_, i) => i !== index)
