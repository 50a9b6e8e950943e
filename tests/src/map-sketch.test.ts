/** The map sketch's projection and the grid editor's vertex steps (pure, shared by the order map and the editor). */
import { frameOf, sketchSvg, toLatLng, toXY } from '../../src/components/map-sketch/sketch'
import { addVertex, moveVertex, removeVertex, vertexAt } from '../../src/packages/admin/pages/grid-edit/vertex-edit'

const SQUARE = [
  { lat: 35.4, lng: 116.578 },
  { lat: 35.4, lng: 116.5835 },
  { lat: 35.4045, lng: 116.5835 },
  { lat: 35.4045, lng: 116.578 },
]

test('a tap turns back into the point drawn there (to about 10 cm), north up', () => {
  const frame = frameOf(SQUARE)
  for (const p of SQUARE) {
    const { x, y } = toXY(frame, p)
    const back = toLatLng(frame, x, y)
    expect(Math.abs(back.lat - p.lat)).toBeLessThan(2e-6)
    expect(Math.abs(back.lng - p.lng)).toBeLessThan(2e-6)
  }
  expect(toXY(frame, SQUARE[3]!).y).toBeLessThan(toXY(frame, SQUARE[0]!).y)
})

test('a tap picks the nearest corner within reach, else none; corners are added, moved and removed in place', () => {
  const frame = frameOf(SQUARE)
  const { x, y } = toXY(frame, SQUARE[2]!)
  expect(vertexAt(frame, SQUARE, x + 5, y - 5)).toBe(2)
  expect(vertexAt(frame, SQUARE, x + 40, y)).toBeNull()
  const extra = { lat: 35.402, lng: 116.585 }
  expect(addVertex(SQUARE, extra)).toEqual([...SQUARE, extra])
  expect(moveVertex(SQUARE, 1, extra)).toEqual([SQUARE[0], extra, SQUARE[2], SQUARE[3]])
  expect(removeVertex(SQUARE, 0)).toEqual(SQUARE.slice(1))
})

test('the sketch draws the focus grid, names, landmarks, the pin and numbered corners, with names escaped', () => {
  const svg = sketchSvg({
    frame: frameOf(SQUARE),
    grids: [{ id: 'g1', name: '南张社区第一网格<b>', polygon: SQUARE }],
    focusId: 'g1',
    landmarks: [{ name: '南张菜市场', location: { lat: 35.402, lng: 116.58 } }],
    point: { lat: 35.4021, lng: 116.5806 },
    vertices: SQUARE,
  })
  expect(svg).toContain('南张第一网格&lt;b&gt;')
  expect(svg).toContain('南张菜市场')
  expect(svg.match(/<circle[^>]*r="9"/g)).toHaveLength(4)
  expect(svg).toContain('stroke="#d42a20"')
})
