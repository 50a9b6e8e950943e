/** Demo grid polygons: a jittered lattice around 35.41N 116.59E (GCJ-02), so neighbours share edges. */
import type { LatLng } from '../../types'

export const ORIGIN = { lat: 35.4, lng: 116.578 }
export const CELL = { lat: 0.0045, lng: 0.0055 }

/** Deterministic jitter in [-0.5, 0.5) from lattice indices; outer edge stays straight. */
function jitter(i: number, j: number, salt: number): number {
  const x = Math.sin(i * 127.1 + j * 311.7 + salt * 74.7) * 43758.5453
  return x - Math.floor(x) - 0.5
}

export function latticePoint(row: number, col: number, rows: number, cols: number, origin: LatLng = ORIGIN): LatLng {
  const inner = row > 0 && row < rows && col > 0 && col < cols
  const lat = origin.lat + row * CELL.lat + (inner ? jitter(row, col, 1) * CELL.lat * 0.3 : 0)
  const lng = origin.lng + col * CELL.lng + (inner ? jitter(row, col, 2) * CELL.lng * 0.3 : 0)
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) }
}

/** The cell polygon (counter-clockwise, not closed) of lattice cell (row, col). */
export function cellPolygon(row: number, col: number, rows: number, cols: number, origin: LatLng = ORIGIN): LatLng[] {
  return [
    latticePoint(row, col, rows, cols, origin),
    latticePoint(row, col + 1, rows, cols, origin),
    latticePoint(row + 1, col + 1, rows, cols, origin),
    latticePoint(row + 1, col, rows, cols, origin),
  ]
}
