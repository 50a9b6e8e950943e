import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import dayjs from 'dayjs'
import type { ActionOutput } from '../../../../contract'
import { Tag } from '../../../../components/tag'
import { ROLE_LABELS } from '../../../../copy/roles'

export type Member = ActionOutput<'grids.members'>['items'][number]

interface MemberRowProps {
  member: Member
  busy: boolean
  onToggleHead: (member: Member) => void
}

export const addressOf = (m: Pick<Member, 'building' | 'unit' | 'room'>) => `${m.building}号楼${m.unit}单元${m.room}`

/** One resident record as the grid's staff see it: full phone, address, 离线 / 楼长 marks. */
export function MemberRow({ member: m, busy, onToggleHead }: MemberRowProps) {
  return (
    <View id={`member-${m.id}`} className="member">
      <View className="member__main">
        <View className="member__top">
          <Text className="member__name">{m.name}</Text>
          {m.offline ? <Tag text="离线" tone="orange" /> : null}
          {m.isBuildingHead ? <Tag text={ROLE_LABELS.building_head} tone="red" /> : null}
        </View>
        <Text className="member__line">{addressOf(m)}</Text>
        <Text className="member__line">{`${m.phone ?? '未留电话'} · ${dayjs(m.joinedAt).format('YYYY-MM-DD')} 加入`}</Text>
      </View>
      {m.userId ? (
        <Button
          id={`head-${m.id}`}
          size="small"
          fill={m.isBuildingHead ? 'outline' : 'solid'}
          type={m.isBuildingHead ? 'default' : 'primary'}
          disabled={busy}
          onClick={() => onToggleHead(m)}
        >
          {m.isBuildingHead ? '取消楼长' : '设为楼长'}
        </Button>
      ) : null}
    </View>
  )
}
