import { PolygonSchema, type LatLng } from '../../../../contract'
import { parsePolygonText } from './polygon-text'

export type PolygonCheck = { ok: true; points: LatLng[]; lines: number[] } | { ok: false; message: string }

/** The local half of the boundary rules (format, count); the server adds China bounds and crossing edges. */
export function checkPolygon(text: string): PolygonCheck {
  const parsed = parsePolygonText(text)
  if (parsed.error) return { ok: false, message: parsed.error }
  const schema = PolygonSchema.safeParse(parsed.points)
  if (!schema.success) return { ok: false, message: schema.error.issues[0]?.message ?? '网格边界至少需要 3 个点' }
  return { ok: true, points: parsed.points, lines: parsed.lines }
}
