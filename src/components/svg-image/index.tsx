import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { svgDataUri } from './data-uri'

interface SvgImageProps {
  svg: string
  /** Must give the box the SVG's aspect ratio: the image is stretched to fill it. */
  className: string
  id?: string
}

/**
 * Draws an SVG string through an Image (mini-programs have no inline SVG). scaleToFill, because H5's
 * aspectFit leaves an SVG without width/height (as the QR library writes it) small and off-centre.
 */
export function SvgImage({ svg, className, id }: SvgImageProps) {
  const src = useMemo(() => svgDataUri(svg), [svg])
  return <Image id={id} className={className} src={src} mode="scaleToFill" />
}
