import { Text, View } from '@tarojs/components'
import type { DemoPerson } from '../../services/dev-login'
import { Tag } from '../tag'
import './index.css'

interface DemoPersonCardProps {
  person: DemoPerson
  busy: boolean
  onPick: (key: string) => void
}

/** One demo identity on the local login picker. */
export function DemoPersonCard({ person, busy, onPick }: DemoPersonCardProps) {
  return (
    <View
      id={`login-${person.key}`}
      className={`demo-person ${busy ? 'demo-person--busy' : ''}`}
      hoverClass="demo-person--pressed"
      onClick={() => onPick(person.key)}
    >
      <View className="demo-person__avatar">
        <Text>{person.name.slice(0, 1)}</Text>
      </View>
      <View className="demo-person__main">
        <View className="demo-person__top">
          <Text className="demo-person__name">{person.name}</Text>
          <Tag text={person.roleLabel} tone="red" />
        </View>
        <Text className="demo-person__grid">{person.gridName ?? '未加入网格'}</Text>
      </View>
      <Text className="demo-person__go">{busy ? '登录中…' : '进入'}</Text>
    </View>
  )
}
