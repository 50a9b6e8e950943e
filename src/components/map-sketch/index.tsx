import { Image, Map, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useMemo } from 'react'
import type { LatLng } from '../../contract'
import { useQuery } from '../../hooks/use-query'
import { call } from '../../services/api'
import { SvgImage } from '../svg-image'
import { frameOf, sketchSvg } from './sketch'
import './index.css'

const TMAP_KEY = process.env.TARO_APP_TMAP_KEY ?? ''

interface MapSketchProps {
  id: string
  /** The grid to draw with its neighbours (the street's outlines); null draws only the point. */
  gridId: string | null
  point?: LatLng | null
  /** What the pin is, for WeChat's navigation sheet. */
  title: string
  /** The place in words, shown under the map. */
  caption?: string | null
}

/**
 * Where something is: in WeChat the native map (the grid's polygon, the pin, 导航 through openLocation); in the
 * browser a sketch of the grid outlines drawn from the store's polygons (no tile server offline), or Tencent
 * Maps' static map when a key is configured (TARO_APP_TMAP_KEY at build time).
 */
export function MapSketch({ id, gridId, point, title, caption }: MapSketchProps) {
  const outlines = useQuery(
    useCallback(() => (gridId ? call('grids.outlines', { gridId }) : Promise.resolve(null)), [gridId]),
  )
  const grids = useMemo(() => outlines.data?.grids ?? [], [outlines.data])
  const focus = grids.find((g) => g.id === gridId)
  const svg = useMemo(() => {
    const around = [...(focus?.polygon ?? []), ...(point ? [point] : [])]
    if (!around.length) return null
    return sketchSvg({
      frame: frameOf(around),
      grids,
      focusId: gridId,
      landmarks: outlines.data?.landmarks ?? [],
      point,
    })
  }, [focus, grids, gridId, point, outlines.data])
  const center = point ?? focus?.polygon[0] ?? null
  return (
    <View id={id} className="map-sketch">
      {process.env.TARO_ENV === 'weapp' && center ? (
        <Map
          className="map-sketch__map"
          latitude={center.lat}
          longitude={center.lng}
          scale={16}
          onError={() => undefined}
          markers={
            point
              ? [{ id: 1, latitude: point.lat, longitude: point.lng, title, width: 28, height: 36, iconPath: '' }]
              : []
          }
          polygons={
            focus
              ? [
                  {
                    points: focus.polygon.map((p) => ({ latitude: p.lat, longitude: p.lng })),
                    strokeColor: '#d42a20',
                    fillColor: '#e5302922',
                    strokeWidth: 2,
                    zIndex: 1,
                  },
                ]
              : []
          }
        />
      ) : TMAP_KEY && center ? (
        <Image
          className="map-sketch__img"
          mode="aspectFill"
          src={`https://apis.map.qq.com/ws/staticmap/v2/?center=${center.lat},${center.lng}&zoom=16&size=720*480&scale=2&markers=color:red|${center.lat},${center.lng}&key=${TMAP_KEY}`}
        />
      ) : svg ? (
        <SvgImage svg={svg} className="map-sketch__img" />
      ) : null}
      {caption ? <Text className="map-sketch__caption">{caption}</Text> : null}
      {process.env.TARO_ENV === 'weapp' && point ? (
        <Button
          size="small"
          fill="outline"
          onClick={() =>
            void Taro.openLocation({ latitude: point.lat, longitude: point.lng, name: title, address: caption ?? '' })
          }
        >
          导航到这里
        </Button>
      ) : null}
    </View>
  )
}
