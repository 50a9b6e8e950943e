import Taro from '@tarojs/taro'
import gcoord from 'gcoord'
import type { LatLng } from '../contract'

export type Located = { ok: true; at: LatLng; source: 'device' | 'map' } | { ok: false; reason: string }

/** WGS-84 (browser GPS) → GCJ-02, the datum of WeChat maps and of our grid polygons. */
export function wgs84ToGcj02(at: LatLng): LatLng {
  const [lng, lat] = gcoord.transform([at.lng, at.lat], gcoord.WGS84, gcoord.GCJ02)
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) }
}

/** The device position in GCJ-02. WeChat converts itself; a browser only gives WGS-84. */
export async function locateDevice(): Promise<Located> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.getLocation({ type: 'gcj02' })
      return { ok: true, at: { lat: res.latitude, lng: res.longitude }, source: 'device' }
    }
    const res = await Taro.getLocation({ type: 'wgs84' })
    return { ok: true, at: wgs84ToGcj02({ lat: res.latitude, lng: res.longitude }), source: 'device' }
  } catch {
    return { ok: false, reason: '无法获取定位，请允许定位权限，或手动选择位置' }
  }
}

/** WeChat's map picker; not available in the browser build (the page shows coordinates inputs there). */
export async function pickOnMap(): Promise<Located> {
  if (process.env.TARO_ENV !== 'weapp') return { ok: false, reason: '浏览器中请手动填写经纬度' }
  try {
    const res = await Taro.chooseLocation({})
    return { ok: true, at: { lat: res.latitude, lng: res.longitude }, source: 'map' }
  } catch {
    return { ok: false, reason: '没有选择位置' }
  }
}
