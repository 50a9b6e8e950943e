import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import './index.css'

/** Shown on 首页 until the person has joined a grid: how to join, and the code entry for those who cannot scan. */
export function JoinPrompt() {
  return (
    <View className="join-prompt">
      <View className="join-prompt__mark">
        <Text>格</Text>
      </View>
      <Text id="no-grid" className="join-prompt__title">
        您还未加入网格
      </Text>
      <Text className="join-prompt__text">
        扫描网格二维码即可加入。二维码张贴在小区公告栏和网格服务站，也可以请网格员出示。
      </Text>
      <Text className="join-prompt__text">没法扫码时，向网格员要 8 位加入码，在这里输入。</Text>
      <Button
        id="join-by-code"
        type="primary"
        block
        className="join-prompt__button"
        onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}
      >
        输入加入码
      </Button>
    </View>
  )
}
