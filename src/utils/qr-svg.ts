import { create } from 'qrcode'

/** A QR code of `text` as an SVG string (one path, 2-module quiet zone), drawn on the phone: no server round trip. */
export function qrSvg(text: string): string {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules
  const quiet = 2
  let path = ''
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (data[row * size + col]) path += `M${col + quiet} ${row + quiet}h1v1h-1z`
    }
  }
  const box = size + quiet * 2
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
}
