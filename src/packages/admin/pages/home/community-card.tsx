import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActionOutput } from '../../../../contract'
import { Card } from '../../../../components/card'
import { Tag } from '../../../../components/tag'

export type Community = ActionOutput<'grids.tree'>['streets'][number]['communities'][number]

const edit = (query: string) => void Taro.navigateTo({ url: `/packages/admin/pages/grid-edit/index?${query}` })

/** One community of the tree: its grids with workers and residents; tap a grid to edit it. */
export function CommunityCard({ community }: { community: Community }) {
  const live = community.grids.filter((g) => !g.archived)
  const members = live.reduce((sum, g) => sum + g.memberCount, 0)
  return (
    <Card title={community.name} extra={<Text className="muted">{`${live.length} 个网格 · ${members} 位居民`}</Text>}>
      {community.grids.length === 0 ? <Text className="para">还没有网格</Text> : null}
      {community.grids.map((g) => (
        <View
          key={g.id}
          id={`admin-grid-${g.id}`}
          className="admin-grid"
          hoverClass="admin-grid--pressed"
          onClick={() => edit(`gridId=${g.id}`)}
        >
          <View className="admin-grid__main">
            <View className="admin-grid__title">
              <Text className={`admin-grid__name ${g.archived ? 'admin-grid__name--off' : ''}`}>{g.name}</Text>
              {g.archived ? <Tag text="已停用" /> : null}
            </View>
            <Text className="admin-grid__meta">{`${g.code} · 网格员 ${g.workerNames.join('、') || '未配备'}`}</Text>
          </View>
          <Text className="admin-grid__count">{`${g.memberCount} 人`}</Text>
          <Text className="admin-grid__arrow">›</Text>
        </View>
      ))}
      <Text
        id={`admin-new-grid-${community.id}`}
        className="admin-grid__add"
        onClick={() => edit(`communityId=${community.id}`)}
      >
        ＋ 在{community.name}新建网格
      </Text>
    </Card>
  )
}
