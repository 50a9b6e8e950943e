/** Grid polygons: which grid a point lands in, and which boundaries an admin may save. */
import fc from 'fast-check'
import { gridAt, polygonErrors } from '../../../../../cloudfunctions/api/modules/grids/polygon'
import { createTestApi } from '../../../../helpers/api'
import { gridsOfStreet } from '../../../../../cloudfunctions/api/modules/grids/repo'
import { STREET_ID } from '../../../../../scripts/seed/demo'
import { CELL, ORIGIN, latticePoint } from '../../../../../scripts/seed/geometry'
import type { GridDoc, LatLng } from '../../../../../types'

let grids: GridDoc[]
beforeAll(async () => {
  const api = await createTestApi({ seed: true })
  grids = await gridsOfStreet(api.deps, STREET_ID)
})

describe('gridAt on the seeded 南张街道 polygons', () => {
  test('the seed has 12 grids, 4 in each of 3 communities, all valid polygons', () => {
    expect(grids.map((g) => g._id).sort()).toEqual(
      ['aj', 'nz', 'xz'].flatMap((community) => [1, 2, 3, 4].map((n) => `gd_${community}_0${n}`)),
    )
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
  ] as const
  const [a, b, c, d] = sq
  const mid = { lat: 35.405, lng: 116.585 }
  const tooFew = { path: 'polygon', message: '网格边界至少需要 3 个不同的点' }
  const crossing = { path: 'polygon', message: '网格边界线不能交叉，请按顺序描点' }
  const abroad = (index: number) => ({
    path: `polygon.${index}`,
    message: '边界点不在中国境内，请检查经纬度（GCJ-02）',
  })
  test.each<[string, LatLng[], { path: string; message: string }[]]>([
    ['a valid square', [a, b, c, d], []],
    ['a closed ring (last = first) is accepted', [a, b, c, d, a], []],
    ['a triangle', [a, b, c], []],
    ['a concave (arrow-shaped) polygon', [a, b, c, mid], []],
    ['fewer than 3 points', [a, b], [tooFew]],
    ['three points with a duplicate', [a, b, a], [tooFew]],
    ['a closed ring of only 2 distinct points', [a, b, b, a], [tooFew]],
    ['a bow-tie that crosses itself', [a, c, b, d], [crossing]],
    ['a closed bow-tie', [a, c, b, d, a], [crossing]],
    ['a ring that touches itself at a corner', [a, b, mid, c, d, mid], [crossing]],
    ['a point outside China', [a, b, { lat: 35.41, lng: 140.2 }], [abroad(2)]],
    ['a point south of China', [a, { lat: 1, lng: 116.59 }, c, d], [abroad(1)]],
  ])('%s', (_name, points, errors) => {
    expect(polygonErrors(points)).toEqual(errors)
  })

  test('errors carry the caller’s field path', () => {
    expect(polygonErrors([a, b], 'grid.polygon')).toEqual([{ ...tooFew, path: 'grid.polygon' }])
    expect(polygonErrors([a, b, { lat: 60, lng: 116 }], 'grid.polygon')).toEqual([
      { ...abroad(2), path: 'grid.polygon.2' },
    ])
  })

  /** n points on a circle around `mid`, visited `step` points at a time. */
  const star = (n: number, step: number, radius: number): LatLng[] =>
    Array.from({ length: n }, (_, i) => {
      const angle = (2 * Math.PI * ((i * step) % n)) / n
      return { lat: mid.lat + radius * Math.sin(angle), lng: mid.lng + radius * Math.cos(angle) }
    })

  test('every convex polygon drawn in order is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.double({ min: 1e-4, max: 0.05, noNaN: true }), (n, r) => {
        expect(polygonErrors(star(n, 1, r))).toEqual([])
      }),
    )
  })

  test('every star polygon (points visited two at a time) crosses itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.double({ min: 1e-4, max: 0.05, noNaN: true }), (k, r) => {
        expect(polygonErrors(star(2 * k + 1, 2, r))).toEqual([crossing])
      }),
    )
  })
})
