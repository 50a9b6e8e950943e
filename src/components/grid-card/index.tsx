import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { GridSummary } from '../../contract'
import './index.css'

function contactWorkers(grid: GridSummary): void {
  const names = grid.workers.map((w) => `${w.nickname}${w.phoneMasked ? ` ${w.phoneMasked}` : ''}`).join('、')
  void Taro.showModal({
    title: '联系网格员',
    content: `${names}。为保护隐私，电话号码已隐去中间四位；工作时间可前往${grid.communityName}网格服务站当面找网格员，在线留言功能即将开通。`,
    showCancel: false,
    confirmText: '知道了',
  })
}

/** The resident's own grid: name, where it is, and who looks after it. */
export function GridCard({ grid }: { grid: GridSummary }) {
  return (
    <View className='grid-card'>
      <View className='grid-card__banner'>
        <Text className='grid-card__label'>我的网格</Text>
        <Text id='grid-name' className='grid-card__name'>{grid.name}</Text>
        <Text className='grid-card__place'>{`${grid.communityName} · ${grid.streetName}`}</Text>
      </View>
      <View className='grid-card__body'>
        <Text className='grid-card__subtitle'>网格员</Text>
        {grid.workers.length === 0 ? <Text className='muted'>本网格暂未配备网格员</Text> : null}
        {grid.workers.map((w) => (
          <View key={w.id} className='grid-card__worker'>
            <View className='grid-card__avatar'>
              <Text>{w.nickname.slice(0, 1)}</Text>
            </View>
            <Text className='grid-card__worker-name'>{w.nickname}</Text>
            <Text className='grid-card__phone'>{w.phoneMasked ?? '未留电话'}</Text>
          </View>
        ))}
        {grid.workers.length > 0 ? (
          <Button id='contact-worker' type='primary' fill='outline' block className='grid-card__contact' onClick={() => contactWorkers(grid)}>
            联系网格员
          </Button>
        ) : null}
      </View>
    </View>
  )
}
