import { Text, View } from '@tarojs/components'
import './index.css'

interface PlaceholderProps {
  mark: string
  title: string
  lines: string[]
  /** What will be here, as a short list. */
  upcoming: string[]
}

/** An honest "coming soon" page body: what this place will do, with no buttons that do nothing. */
export function Placeholder({ mark, title, lines, upcoming }: PlaceholderProps) {
  return (
    <View className="placeholder">
      <View className="placeholder__mark">
        <Text>{mark}</Text>
      </View>
      <Text className="placeholder__title">{title}</Text>
      {lines.map((line) => (
        <Text key={line} className="placeholder__line">
          {line}
        </Text>
      ))}
      <View className="placeholder__list">
        <Text className="placeholder__list-title">即将上线</Text>
        {upcoming.map((item) => (
          <View key={item} className="placeholder__item">
            <View className="placeholder__bullet" />
            <Text className="placeholder__item-text">{item}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
