import Taro from '@tarojs/taro'
import type { TileItem } from '../../components/tile-grid'
import type { RoleGrant } from '../../contract'
import { LOSTFOUND_PAGES } from '../../copy/lostfound'
import { workerGridIds } from '../../services/areas'
import { CREDIT_PAGES } from '../../copy/credit'
import { FEED_PAGES } from '../../copy/feed'

/** 首页's shortcuts for everyone: report a hazard, raise a 诉求, lost-and-found, my reports, messages. */
const HOME_TILES: TileItem[] = [
  {
    id: 'tile-snap',
    mark: '拍',
    title: '随手拍',
    hint: '隐患随手报',
    tone: 'red',
    onTap: () => void Taro.switchTab({ url: '/pages/snap/index' }),
  },
  {
    id: 'tile-demand',
    mark: '诉',
    title: '提诉求',
    hint: '困难找网格',
    tone: 'purple',
    onTap: () => void Taro.navigateTo({ url: '/packages/orders/pages/create/index?source=demand' }),
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

/** Grid workers also reach the grid station's lost-and-found claims and hand-overs from 首页. */
const LOSTFOUND_TODO: TileItem = {
  id: 'tile-lostfound-todo',
  mark: '领',
  title: '失物待处理',
  hint: '认领与交接',
  tone: 'teal',
  onTap: () => void Taro.navigateTo({ url: LOSTFOUND_PAGES.claims('grid') }),
}

/** Counter staff of a 兑换点 mark vouchers used from 首页. */
const COUNTER: TileItem = {
  id: 'tile-counter',
  mark: '兑',
  title: '兑换核销',
  hint: '核销兑换券',
  tone: 'orange',
  onTap: () => void Taro.navigateTo({ url: CREDIT_PAGES.counter }),
}

/** The grid group online: notices, 明白纸 and questions of the home grid. */
const feedTile = (gridId: string): TileItem => ({
  id: 'tile-feed',
  mark: '群',
  title: '网格群',
  hint: '通知与问答',
  tone: 'teal',
  onTap: () => void Taro.navigateTo({ url: FEED_PAGES.home(gridId) }),
})

export function homeTiles(roles: RoleGrant[], homeGridId: string | null = null): TileItem[] {
  return [
    ...(homeGridId ? [feedTile(homeGridId)] : []),
    ...HOME_TILES,
    ...(workerGridIds(roles).length > 0 ? [LOSTFOUND_TODO] : []),
    ...(roles.some((g) => g.role === 'counter_staff') ? [COUNTER] : []),
  ]
}
