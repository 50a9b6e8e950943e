import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import type { LatLng } from '../../contract'
import { call } from '../../services/api'
import { locateDevice, pickOnMap } from '../../services/location'

interface LocationFieldProps {
  value: LatLng | null
  onChange: (at: LatLng | null) => void
}

/** Device location first; WeChat map pick or typed coordinates (browser) when it is denied. */
export function LocationField({ value, onChange }: LocationFieldProps) {
  const [status, setStatus] = useState('正在定位…')
  const [gridName, setGridName] = useState<string | null>(null)
  const [manual, setManual] = useState({ lat: '', lng: '' })

  const locate = async () => {
    setStatus('正在定位…')
    const res = await locateDevice()
    if (res.ok) onChange(res.at)
    else setStatus(res.reason)
  }

  useEffect(() => {
    void locate()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!value) return setGridName(null)
    let live = true
    call('grids.locate', value)
      .then((r) => live && setGridName(r.gridName ?? '不在网格内，将由街道派单'))
      .catch(() => live && setGridName(null))
    return () => {
      live = false
    }
  }, [value])

  const applyManual = () => {
    const lat = Number(manual.lat)
    const lng = Number(manual.lng)
    if (
      !Number.isFinite(lat) ||
      !Number.isFinite(lng) ||
      Math.abs(lat) > 90 ||
      Math.abs(lng) > 180 ||
      !manual.lat ||
      !manual.lng
    )
      return setStatus('经纬度格式不正确，例如 35.4021、116.5806')
    onChange({ lat, lng })
  }

  return (
    <View className="snap__location">
      {value ? (
        <View>
          <Text id="snap-location" className="snap__where">
            位置 {value.lat.toFixed(5)}, {value.lng.toFixed(5)}
          </Text>
          <Text className="muted">{gridName ? `将送达：${gridName}` : '正在确定所属网格…'}</Text>
        </View>
      ) : (
        <Text className="snap__where snap__where--none">{status}</Text>
      )}
      <View className="snap__location-actions">
        <Button size="small" fill="outline" onClick={() => void locate()}>
          重新定位
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button
            size="small"
            fill="outline"
            onClick={() => void pickOnMap().then((r) => (r.ok ? onChange(r.at) : setStatus(r.reason)))}
          >
            地图选点
          </Button>
        ) : null}
      </View>
      {process.env.TARO_ENV !== 'weapp' && !value ? (
        <View className="snap__manual">
          <Input
            id="snap-lat"
            className="snap__input"
            type="digit"
            placeholder="纬度，如 35.4021"
            value={manual.lat}
            onInput={(e) => setManual({ ...manual, lat: e.detail.value })}
          />
          <Input
            id="snap-lng"
            className="snap__input"
            type="digit"
            placeholder="经度，如 116.5806"
            value={manual.lng}
            onInput={(e) => setManual({ ...manual, lng: e.detail.value })}
          />
          <Button id="snap-manual-apply" size="small" type="primary" onClick={applyManual}>
            使用此位置
          </Button>
        </View>
      ) : null}
    </View>
  )
}
