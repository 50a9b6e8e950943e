import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.css'

interface Tile {
  id: string
  mark: string
  title: string
  hint: string
  open: () => void
}

const TILES: Tile[] = [
  { id: 'tile-snap', mark: '拍', title: '随手拍', hint: '发现隐患随手报', open: () => void Taro.switchTab({ url: '/pages/snap/index' }) },
  { id: 'tile-lostfound', mark: '寻', title: '失物招领', hint: '寻物与招领', open: () => void Taro.switchTab({ url: '/pages/lostfound/index' }) },
  { id: 'tile-messages', mark: '信', title: '我的消息', hint: '通知与回复', open: () => void Taro.navigateTo({ url: '/pages/messages/index' }) },
]

/** The three shortcuts on 首页. */
export function EntryTiles() {
  return (
    <View className='tiles'>
      {TILES.map((t) => (
        <View key={t.id} id={t.id} className='tiles__item' hoverClass='tiles__item--pressed' onClick={t.open}>
          <View className={`tiles__mark tiles__mark--${t.id}`}>
            <Text>{t.mark}</Text>
          </View>
          <Text className='tiles__title'>{t.title}</Text>
          <Text className='tiles__hint'>{t.hint}</Text>
        </View>
      ))}
    </View>
  )
}
