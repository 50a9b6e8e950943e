import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { GridHome } from '../../../../contract'
import { Tag } from '../../../../components/tag'
import { FEED_PAGES } from '../../../../copy/feed'

/** The grid's group online: its notices, 明白纸 and questions. */
function FeedButton({ gridId }: { gridId: string }) {
  return (
    <Button
      id={`feed-${gridId}`}
      size="small"
      fill="outline"
      onClick={() => void Taro.navigateTo({ url: FEED_PAGES.home(gridId) })}
    >
      网格群
    </Button>
  )
}

/** One grid the person looks after; workers get its QR poster and resident records. */
export function WorkerGridRow({ grid }: { grid: GridHome }) {
  return (
    <View id={`worker-grid-${grid.id}`} className="desk-grid">
      <View className="desk-grid__line">
        <View className="desk-grid__main">
          <View className="desk-grid__title">
            <Text className="desk-grid__name">{grid.name}</Text>
            {grid.archived ? <Tag text="已停用" /> : null}
          </View>
          <Text className="desk-grid__meta">{`${grid.communityName} · 编号 ${grid.code}`}</Text>
        </View>
        <View className="desk-grid__count">
          <Text className="desk-grid__num">{grid.memberCount}</Text>
          <Text className="desk-grid__unit">位居民</Text>
        </View>
      </View>
      {grid.canManage ? (
        <View className="desk-grid__actions">
          <Button
            id={`poster-${grid.id}`}
            size="small"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: `/packages/worker/pages/poster/index?gridId=${grid.id}` })}
          >
            二维码海报
          </Button>
          <Button
            id={`members-${grid.id}`}
            size="small"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: `/packages/worker/pages/members/index?gridId=${grid.id}` })}
          >
            住户名册
          </Button>
          <FeedButton gridId={grid.id} />
        </View>
      ) : (
        <View className="desk-grid__actions">
          <Text className="muted">楼长协助网格员转达通知、反映本楼情况</Text>
          <FeedButton gridId={grid.id} />
        </View>
      )}
    </View>
  )
}
