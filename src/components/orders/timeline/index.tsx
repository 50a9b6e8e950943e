import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { OrderDetail } from '../../../contract'
import { TIMELINE_LABELS } from '../../../copy/orders'
import { Tag } from '../../tag'
import './index.css'

/** Every step of the order, oldest first: who, when, what, notes and photos. */
export function Timeline({ items }: { items: OrderDetail['timeline'] }) {
  return (
    <View id="order-timeline" className="timeline">
      {items.map((t, i) => (
        <View key={t.id} className="timeline__item">
          <View className={`timeline__dot ${i === items.length - 1 ? 'timeline__dot--last' : ''}`} />
          <View className="timeline__body">
            <View className="timeline__top">
              <Text className="timeline__type">{TIMELINE_LABELS[t.type]}</Text>
              {t.staffOnly ? <Tag text="仅工作人员可见" tone="orange" /> : null}
              <Text className="muted">{dayjs(t.at).format('MM-DD HH:mm')}</Text>
            </View>
            <Text className="muted">{t.actorLabel}</Text>
            {t.note ? <Text className="timeline__note">{t.note}</Text> : null}
            {t.photoUrls.length ? (
              <View className="timeline__photos">
                {t.photoUrls.map((u) => (
                  <Image
                    key={u}
                    className="timeline__photo"
                    src={u}
                    mode="aspectFill"
                    onClick={() => void Taro.previewImage({ urls: t.photoUrls, current: u })}
                  />
                ))}
              </View>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}
