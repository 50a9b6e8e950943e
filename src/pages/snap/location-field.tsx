import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { MapSketch } from '../../components/map-sketch'
import { TextField } from '../../components/text-field'
import { LatLngSchema, type LatLng } from '../../contract'
import { useFieldErrors } from '../../hooks/use-field-errors'
import { call } from '../../services/api'
import { locateDevice, pickOnMap, type Located } from '../../services/location'
import { typedNumber } from '../../utils/number'

interface LocationFieldProps {
  value: LatLng | null
  onChange: (at: LatLng | null) => void
}

const isWeapp = process.env.TARO_ENV === 'weapp'

interface Where {
  gridId: string | null
  gridName: string
  placeText: string
}

/** The grid a point falls in, as 将送达 shows it (the street's queue outside every grid), and the place in words. */
function useWhere(at: LatLng | null): Where | null {
  const [where, setWhere] = useState<Where | null>(null)
  useEffect(() => {
    if (!at) return setWhere(null)
    let live = true
    call('grids.locate', at)
      .then(
        (r) =>
          live &&
          setWhere({ gridId: r.gridId, gridName: r.gridName ?? '不在网格内，将由街道派单', placeText: r.placeText }),
      )
      .catch(() => live && setWhere(null))
    return () => {
      live = false
    }
  }, [at])
  return where
}

/** Browser only, when location is denied: typed coordinates, checked by the contract's LatLng rule. */
function ManualLocation({ onChange }: { onChange: (at: LatLng) => void }) {
  const [typed, setTyped] = useState({ lat: '', lng: '' })
  const errors = useFieldErrors(['lat', 'lng'], { lat: '纬度', lng: '经度' })
  const apply = () => {
    const at = errors.parse(LatLngSchema, { lat: typedNumber(typed.lat), lng: typedNumber(typed.lng) })
    if (at) onChange(at)
  }
  return (
    <View className="snap__manual">
      <TextField
        id="snap-lat"
        type="digit"
        placeholder="纬度，如 35.4021"
        value={typed.lat}
        error={errors.field('lat')}
        onChange={(lat) => setTyped({ ...typed, lat })}
      />
      <TextField
        id="snap-lng"
        type="digit"
        placeholder="经度，如 116.5806"
        value={typed.lng}
        error={errors.field('lng')}
        onChange={(lng) => setTyped({ ...typed, lng })}
      />
      <Button id="snap-manual-apply" size="small" type="primary" onClick={apply}>
        使用此位置
      </Button>
    </View>
  )
}

/** Device location first; WeChat map pick or typed coordinates (browser) when it is denied. */
export function LocationField({ value, onChange }: LocationFieldProps) {
  const [status, setStatus] = useState('正在定位…')
  const where = useWhere(value)
  const take = (res: Located) => (res.ok ? onChange(res.at) : setStatus(res.reason))
  const locate = async () => {
    setStatus('正在定位…')
    take(await locateDevice())
  }

  useEffect(() => {
    void locate()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locate once when the page opens
  }, [])

  return (
    <View className="snap__location">
      {value ? (
        <View>
          <Text id="snap-location" className="snap__where">
            {where ? where.placeText : '正在确定位置…'}
          </Text>
          <Text className="muted">{where ? `将送达：${where.gridName}` : '正在确定所属网格…'}</Text>
          <MapSketch id="snap-map" gridId={where?.gridId ?? null} point={value} title="随手拍位置" />
        </View>
      ) : (
        <Text className="snap__where snap__where--none">{status}</Text>
      )}
      <View className="snap__location-actions">
        <Button size="small" fill="outline" onClick={() => void locate()}>
          重新定位
        </Button>
        {isWeapp ? (
          <Button size="small" fill="outline" onClick={() => void pickOnMap().then(take)}>
            地图选点
          </Button>
        ) : null}
      </View>
      {!isWeapp && !value ? <ManualLocation onChange={onChange} /> : null}
    </View>
  )
}
