/**
 * Places people name in the demo streets: what a report's point is described by (“近南张菜市场约 80 米”). Each
 * grid gets two, placed inside its polygon: one near its middle, one towards a corner.
 */
import type { GridDoc, LandmarkDoc } from '../../types'

const NAMES: Record<string, string[]> = {
  gd_nz_01: ['南张菜市场', '南张社区3号楼'],
  gd_nz_02: ['南张小学', '南张社区12号楼'],
  gd_nz_03: ['南张社区卫生服务站', '南张文化广场'],
  gd_nz_04: ['南张街道便民服务中心', '南张公交站'],
}
const KINDS = ['幼儿园', '文化广场', '卫生服务站', '菜市场', '健身广场', '公交站', '超市', '社区党群服务中心']

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1)

/** The landmarks of grid `g`, the `i`-th of the seed; `place` names its neighbourhood (安居, 古槐…). */
export function landmarksOf(g: GridDoc, i: number, place: string): LandmarkDoc[] {
  {
    const lat = mean(g.polygon.map((p) => p.lat))
    const lng = mean(g.polygon.map((p) => p.lng))
    const corner = g.polygon[0] ?? { lat, lng }
    const across = g.polygon[2] ?? { lat, lng }
    const names = NAMES[g._id] ?? [`${place}${KINDS[i % KINDS.length]}`, `${place}${(i % 9) + 1}号楼`]
    return names.map((name, k) => ({
      _id: `lm_${g._id}_${k}`,
      streetId: g.streetId,
      name,
      location:
        k === 0
          ? {
              lat: Number((lat + (across.lat - lat) * 0.3).toFixed(6)),
              lng: Number((lng + (across.lng - lng) * 0.3).toFixed(6)),
            }
          : {
              lat: Number((lat + (corner.lat - lat) * 0.5).toFixed(6)),
              lng: Number((lng + (corner.lng - lng) * 0.5).toFixed(6)),
            },
      version: 0,
    }))
  }
}
