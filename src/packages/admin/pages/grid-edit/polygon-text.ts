import type { LatLng } from '../../../../contract'
import type { FieldMap } from '../../../../hooks/use-field-errors'

export interface ParsedPolygon {
  points: LatLng[]
  /** The text line (1-based) each point came from, to point errors at the right line. */
  lines: number[]
  /** The first line that could not be read, in Chinese. */
  error: string | null
}

const NUMBER = /^-?\d+(\.\d+)?$/

/**
 * One `纬度,经度` (GCJ-02) per line; blank lines are skipped; Chinese commas and spaces are accepted.
 * Only the writing is checked here: ranges and the point count are the contract's PolygonSchema.
 */
export function parsePolygonText(text: string): ParsedPolygon {
  const points: LatLng[] = []
  const lines: number[] = []
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const row = raw.trim()
    if (!row) continue
    const parts = row.split(/[,，\s]+/).filter(Boolean)
    const [lat, lng] = parts
    if (parts.length !== 2 || !lat || !lng || !NUMBER.test(lat) || !NUMBER.test(lng))
      return { points, lines, error: `第 ${i + 1} 行格式应为“纬度,经度”，如 35.4200,116.5800` }
    points.push({ lat: Number(lat), lng: Number(lng) })
    lines.push(i + 1)
  }
  return { points, lines, error: null }
}

export function formatPolygon(points: LatLng[]): string {
  return points.map((p) => `${p.lat},${p.lng}`).join('\n')
}

/** The message for the polygon (`polygon` or `polygon.N…`), pointing at the text line of point N. */
export function polygonMessage(fields: FieldMap, lines: number[]): string | null {
  for (const [path, message] of Object.entries(fields)) {
    if (path === 'polygon') return message
    const match = /^polygon\.(\d+)/.exec(path)
    if (match) {
      const line = lines[Number(match[1])]
      return line ? `第 ${line} 行：${message}` : message
    }
  }
  return null
}
