import type { LatLng } from '../../../contract'

const BOX = 300
const PAD = 24

/** Points projected into a BOX×BOX square, north up, east-west shrunk by cos(latitude) so shapes look true. */
export function project(points: LatLng[]): { x: number; y: number }[] {
  const meanLat = points.reduce((s, p) => s + p.lat, 0) / Math.max(points.length, 1)
  const k = Math.cos((meanLat * Math.PI) / 180)
  const xs = points.map((p) => p.lng * k)
  const ys = points.map((p) => p.lat)
  const minX = Math.min(...xs)
  const maxY = Math.max(...ys)
  const span = Math.max(Math.max(...xs) - minX, maxY - Math.min(...ys), 1e-9)
  const scale = (BOX - PAD * 2) / span
  const offX = (BOX - (Math.max(...xs) - minX) * scale) / 2
  const offY = (BOX - (maxY - Math.min(...ys)) * scale) / 2
  return points.map((_, i) => ({ x: offX + ((xs[i] ?? 0) - minX) * scale, y: offY + (maxY - (ys[i] ?? 0)) * scale }))
}

const round = (n: number) => Math.round(n * 10) / 10

/** The grid boundary as a small map-like SVG: light graticule, the filled shape, numbered corners. */
export function polygonSvg(points: LatLng[]): string {
  const xy = project(points)
  const lines = [60, 120, 180, 240]
    .map((v) => `<path d="M${v} 0V${BOX}M0 ${v}H${BOX}" stroke="#e4e6ea" stroke-width="1"/>`)
    .join('')
  const ring = xy.map((p) => `${round(p.x)},${round(p.y)}`).join(' ')
  const dots = xy
    .map(
      (p, i) =>
        `<circle cx="${round(p.x)}" cy="${round(p.y)}" r="9" fill="#e53029"/><text x="${round(p.x)}" y="${round(p.y) + 4}" font-size="11" fill="#fff" text-anchor="middle" font-family="sans-serif">${i + 1}</text>`,
    )
    .join('')
  const north = `<path d="M280 30l-8 14h16z" fill="#8f959e"/><text x="280" y="22" font-size="12" fill="#8f959e" text-anchor="middle" font-family="sans-serif">N</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BOX} ${BOX}" width="${BOX}" height="${BOX}"><rect width="${BOX}" height="${BOX}" fill="#f7f8fa"/>${lines}${north}<polygon points="${ring}" fill="rgba(229,48,41,0.18)" stroke="#e53029" stroke-width="2" stroke-linejoin="round"/>${dots}</svg>`
}
