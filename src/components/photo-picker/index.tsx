import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { pickPhotos, type PickedPhoto } from '../../services/upload'
import './index.css'

interface PhotoPickerProps {
  id: string
  photos: PickedPhoto[]
  max: number
  onChange: (photos: PickedPhoto[]) => void
}

/** Up to `max` photos, compressed on pick; tap × to drop one. */
export function PhotoPicker({ id, photos, max, onChange }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false)
  const add = async () => {
    if (busy) return
    setBusy(true)
    try {
      const picked = await pickPhotos(max - photos.length)
      onChange([...photos, ...picked].slice(0, max))
    } catch (err) {
      // Cancelling the picker is not an error; anything else is shown.
      const cancelled = err instanceof Error && /cancel/i.test(err.message)
      if (!cancelled) void Taro.showToast({ title: '照片处理失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="photo-picker">
      {photos.map((p, i) => (
        <View key={p.preview} className="photo-picker__cell">
          <Image className="photo-picker__img" src={p.preview} mode="aspectFill" />
          <Text className="photo-picker__kb">{Math.round(p.bytes / 1024)} KB</Text>
          <View className="photo-picker__drop" onClick={() => onChange(photos.filter((_, k) => k !== i))}>
            ×
          </View>
        </View>
      ))}
      {photos.length < max ? (
        <View id={id} className="photo-picker__add" hoverClass="photo-picker__add--pressed" onClick={() => void add()}>
          <Text className="photo-picker__plus">{busy ? '…' : '+'}</Text>
          <Text className="muted">{busy ? '处理中' : photos.length ? '再拍一张' : '拍照 / 相册'}</Text>
        </View>
      ) : null}
    </View>
  )
}
