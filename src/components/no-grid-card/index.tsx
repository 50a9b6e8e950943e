import { Text, View } from '@tarojs/components'
import './index.css'

/** Shown on 首页 until the person has joined a grid (joining is by the grid's QR code). */
export function NoGridCard() {
  return (
    <View className='no-grid'>
      <View className='no-grid__mark'>
        <Text>格</Text>
      </View>
      <Text id='no-grid' className='no-grid__title'>您还未加入网格</Text>
      <Text className='no-grid__text'>请扫描网格二维码加入。二维码张贴在小区公告栏和网格服务站，也可以请网格员出示。</Text>
      <Text className='no-grid__text'>加入后，您可以看到本网格的网格员、通知和办事进度。</Text>
    </View>
  )
}
