import { gridAt, polygonErrors } from '../../../../../cloudfunctions/api/modules/grids/polygon'
import { createTestApi } from '../../../../helpers/api'
import { gridsOfStreet } from '../../../../../cloudfunctions/api/modules/grids/repo'
import { STREET_ID } from '../../../../../scripts/seed/demo'
import { CELL, ORIGIN, latticePoint } from '../../../../../scripts/seed/geometry'
import type { GridDoc } from '../../../../../types'

let grids: GridDoc[]
beforeAll(async () => {
  const api = await createTestApi({ seed: true })
  grids = await gridsOfStreet(api.deps, STREET_ID)
})

describe('gridAt on the seeded 南张街道 polygons', () => {
  test('the seed has at least 10 grids, all valid polygons', () => {
    expect(grids.length).toBeGreaterThanOrEqual(10)
    for (const g of grids) expect(polygonErrors(g.polygon)).toEqual([])
  })

  test('the centre of each grid lands in that grid', () => {
    for (const g of grids) {
      const lat = g.polygon.reduce((s, p) => s + p.lat, 0) / g.polygon.length
      const lng = g.polygon.reduce((s, p) => s + p.lng, 0) / g.polygon.length
      expect(gridAt(grids, { lat, lng })).toBe(g._id)
    }
  })

  test('a point on the outer edge of a grid belongs to it', () => {
    const a = latticePoint(0, 0, 3, 4)
    const b = latticePoint(0, 1, 3, 4)
    expect(gridAt(grids, { lat: a.lat, lng: (a.lng + b.lng) / 2 })).toBe('gd_nz_01')
  })

  test('a point on an edge shared by two grids goes to the lower code, every time', () => {
    const a = latticePoint(1, 1, 3, 4)
    const b = latticePoint(1, 2, 3, 4)
    const mid = { lat: (a.lat + b.lat) / 2, lng: (a.lng + b.lng) / 2 }
    const owner = gridAt(grids, mid)
    // The edge between 南张社区第二网格 (NZ-02) and 安居社区第二网格 (AJ-02): AJ-02 sorts first.
    expect(owner).toBe('gd_aj_02')
    expect(gridAt([...grids].reverse(), mid)).toBe(owner)
  })

  test('points outside every grid find none', () => {
    expect(gridAt(grids, { lat: ORIGIN.lat - CELL.lat, lng: ORIGIN.lng })).toBeNull()
    expect(gridAt(grids, { lat: 35.41, lng: 116.5 })).toBeNull()
    expect(gridAt(grids, { lat: 39.9, lng: 116.4 })).toBeNull()
  })

  test('an archived grid no longer receives points', () => {
    const first = grids.find((g) => g._id === 'gd_nz_01')
    if (!first) throw new Error('seed grid missing')
    const c = {
      lat: first.polygon.reduce((s, p) => s + p.lat, 0) / 4,
      lng: first.polygon.reduce((s, p) => s + p.lng, 0) / 4,
    }
    expect(
      gridAt(
        grids.map((g) => (g._id === first._id ? { ...g, archived: true } : g)),
        c,
      ),
    ).toBeNull()
  })
})

describe('polygon validation', () => {
  const sq = [
    { lat: 35.4, lng: 116.58 },
    { lat: 35.4, lng: 116.59 },
    { lat: 35.41, lng: 116.59 },
    { lat: 35.41, lng: 116.58 },
  ]
  test.each([
    ['a valid square', sq, []],
    ['a closed ring (last = first) is accepted', [...sq, sq[0]], []],
    ['fewer than 3 points', sq.slice(0, 2), ['polygon']],
    ['three points with a duplicate', [sq[0], sq[1], sq[0]], ['polygon']],
    ['a bow-tie that crosses itself', [sq[0], sq[2], sq[1], sq[3]], ['polygon']],
    ['a point outside China', [sq[0], sq[1], { lat: 35.41, lng: 140.2 }], ['polygon.2']],
  ])('%s', (_name, points, paths) => {
    expect(polygonErrors(points.flatMap((p) => (p ? [p] : []))).map((e) => e.path)).toEqual(paths)
  })
})
