import { Text } from '@tarojs/components'
import './index.css'

export type TagTone = 'red' | 'orange' | 'blue' | 'green' | 'grey'

/** A small coloured label: 楼长, 离线, 已停用, 未使用… */
export function Tag({ text, tone = 'grey', id }: { text: string; tone?: TagTone; id?: string }) {
  return (
    <Text id={id} className={`grid-tag grid-tag--${tone}`}>
      {text}
    </Text>
  )
}
