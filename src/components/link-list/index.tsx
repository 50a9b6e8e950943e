import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.css'

export interface LinkItem {
  id: string
  title: string
  hint: string
  url: string
}

/** Rows that open another page: title, a one-line hint, an arrow. */
export function LinkList({ items }: { items: LinkItem[] }) {
  if (items.length === 0) return null
  return (
    <View className="link-list">
      {items.map((e) => (
        <View
          key={e.id}
          id={e.id}
          className="link-list__row"
          hoverClass="link-list__row--pressed"
          onClick={() => void Taro.navigateTo({ url: e.url })}
        >
          <View className="link-list__text">
            <Text className="link-list__title">{e.title}</Text>
            <Text className="link-list__hint">{e.hint}</Text>
          </View>
          <Text className="link-list__arrow">›</Text>
        </View>
      ))}
    </View>
  )
}
