import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import type { LatLng } from '../../../contract'
import { SvgImage } from '../../svg-image'
import { polygonSvg } from './shape'
import './index.css'

/** A map-like sketch of a grid boundary so the admin sees its shape before saving. */
export function PolygonPreview({ points }: { points: LatLng[] }) {
  const svg = useMemo(() => (points.length >= 3 ? polygonSvg(points) : null), [points])
  return (
    <View id="grid-polygon-preview" className="polygon-preview">
      {svg ? (
        <SvgImage svg={svg} className="polygon-preview__img" />
      ) : (
        <Text className="polygon-preview__empty">填写至少 3 个点后显示边界预览</Text>
      )}
      <Text className="polygon-preview__hint">示意图，上为北；数字为描点顺序</Text>
    </View>
  )
}
