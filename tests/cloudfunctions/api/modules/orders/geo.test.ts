/** Distances on the ground: between two reports, and from a report to a grid (0 inside it). */
import fc from 'fast-check'
import { distanceMetres, distanceToGridMetres } from '../../../../../cloudfunctions/api/modules/orders/geo'
import { gridAt } from '../../../../../cloudfunctions/api/modules/grids/polygon'
import type { LatLng } from '../../../../../types'

/** Rounded to the centimetre, so the table states the expected metres exactly. */
const centimetres = (metres: number) => Math.round(metres * 100) / 100

const home = { lat: 35.41, lng: 116.59 }
// A square grid about 906 m (east-west) by 1112 m (north-south) south-west of `home`.
const square: LatLng[] = [
  { lat: 35.4, lng: 116.58 },
  { lat: 35.4, lng: 116.59 },
  { lat: 35.41, lng: 116.59 },
  { lat: 35.41, lng: 116.58 },
]

describe('distanceMetres', () => {
  test.each<[string, LatLng, LatLng, number]>([
    ['the same point', home, home, 0],
    ['0.001° of latitude', home, { lat: 35.411, lng: 116.59 }, 111.2],
    ['0.001° of longitude at 35.41N', home, { lat: 35.41, lng: 116.591 }, 90.63],
    ['1° of longitude on the equator', { lat: 0, lng: 116 }, { lat: 0, lng: 117 }, 111195.08],
    ['南张街道 to 天安门', home, { lat: 39.9, lng: 116.4 }, 499545.62],
  ])('%s', (_name, a, b, metres) => {
    expect(centimetres(distanceMetres(a, b))).toBe(metres)
    expect(centimetres(distanceMetres(b, a))).toBe(metres)
  })
})

describe('distanceToGridMetres', () => {
  test.each<[string, LatLng[], LatLng, number]>([
    ['a point inside the grid', square, { lat: 35.405, lng: 116.585 }, 0],
    ['a point on its edge', square, { lat: 35.4, lng: 116.585 }, 0],
    ['a point on its corner', square, { lat: 35.4, lng: 116.58 }, 0],
    ['0.001° south of the south edge', square, { lat: 35.399, lng: 116.585 }, 111.21],
    ['the same, the ring given closed', [...square, { lat: 35.4, lng: 116.58 }], { lat: 35.399, lng: 116.585 }, 111.21],
    ['0.001° east of the east edge', square, { lat: 35.405, lng: 116.591 }, 90.63],
    ['diagonally off a corner: the distance to that corner', square, { lat: 35.399, lng: 116.591 }, 143.46],
    ['just over 2 km south', square, { lat: 35.382, lng: 116.585 }, 2001.52],
    ['天安门', square, { lat: 39.9, lng: 116.4 }, 499516.95],
  ])('%s', (_name, polygon, at, metres) => {
    expect(centimetres(distanceToGridMetres(polygon, at))).toBe(metres)
  })

  test('a grid without an area (fewer than 3 points) is infinitely far', () => {
    expect(distanceToGridMetres(square.slice(0, 2), home)).toBe(Infinity)
    expect(distanceToGridMetres([], home)).toBe(Infinity)
  })

  test('the distance is 0 exactly where gridAt places the point in the grid', () => {
    const grid = { _id: 'g', code: 'G', polygon: square, archived: false }
    const around = fc.record({
      lat: fc.double({ min: 35.395, max: 35.415, noNaN: true }),
      lng: fc.double({ min: 116.575, max: 116.595, noNaN: true }),
    })
    fc.assert(
      fc.property(around, (at) => {
        const inside = gridAt([grid], at) === 'g'
        const metres = distanceToGridMetres(square, at)
        return inside ? metres === 0 : metres > 0
      }),
    )
  })
})
