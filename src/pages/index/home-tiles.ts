import Taro from '@tarojs/taro'
import type { TileItem } from '../../components/tile-grid'

/** 首页's shortcuts: report, lost-and-found, my reports, messages. */
export const HOME_TILES: TileItem[] = [
  {
    id: 'tile-snap',
    mark: '拍',
    title: '随手拍',
    hint: '隐患随手报',
    tone: 'red',
    onTap: () => void Taro.switchTab({ url: '/pages/snap/index' }),
  },
  {
    id: 'tile-lostfound',
    mark: '寻',
    title: '失物招领',
    hint: '寻物与招领',
    tone: 'green',
    onTap: () => void Taro.switchTab({ url: '/pages/lostfound/index' }),
  },
  {
    id: 'tile-my-orders',
    mark: '报',
    title: '我的上报',
    hint: '办理进度',
    tone: 'orange',
    onTap: () => void Taro.navigateTo({ url: '/packages/orders/pages/mine/index' }),
  },
  {
    id: 'tile-messages',
    mark: '信',
    title: '我的消息',
    hint: '通知回复',
    tone: 'blue',
    onTap: () => void Taro.navigateTo({ url: '/pages/messages/index' }),
  },
]
