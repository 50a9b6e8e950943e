import { Text, View } from '@tarojs/components'
import './index.css'

export interface TileItem {
  id: string
  mark: string
  title: string
  hint?: string
  tone: 'red' | 'green' | 'blue' | 'orange' | 'purple' | 'teal'
  onTap: () => void
}

/** Square shortcuts, three or four a row. */
export function TileGrid({ tiles, columns = 3 }: { tiles: TileItem[]; columns?: 3 | 4 }) {
  return (
    <View className={`tile-grid tile-grid--${columns}`}>
      {tiles.map((t) => (
        <View key={t.id} id={t.id} className="tile-grid__item" hoverClass="tile-grid__item--pressed" onClick={t.onTap}>
          <View className={`tile-grid__mark tile-grid__mark--${t.tone}`}>
            <Text>{t.mark}</Text>
          </View>
          <Text className="tile-grid__title">{t.title}</Text>
          {t.hint ? <Text className="tile-grid__hint">{t.hint}</Text> : null}
        </View>
      ))}
    </View>
  )
}
