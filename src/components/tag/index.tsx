import { Tag as NutTag } from '@nutui/nutui-react-taro'
import './index.css'

export type TagTone = 'red' | 'orange' | 'blue' | 'green' | 'grey' | 'light'

/** Tinted background and text colour of each tone ('light' sits on the red banners). */
const TONES: Record<TagTone, { background: string; color: string }> = {
  red: { background: '#fdeceb', color: '#c0261d' },
  orange: { background: '#fff3e6', color: '#a84f00' },
  blue: { background: '#e8f1fe', color: '#2f6fe0' },
  green: { background: '#e6f7ef', color: '#0a6e48' },
  grey: { background: '#f0f1f3', color: '#646a73' },
  light: { background: 'rgba(255, 255, 255, 0.22)', color: '#ffffff' },
}

/** A small coloured label (NutUI's Tag): states, roles, 楼长, 离线, 已停用, 未使用… */
export function Tag({ text, tone = 'grey' }: { text: string; tone?: TagTone }) {
  return (
    <NutTag className="tag" background={TONES[tone].background} color={TONES[tone].color}>
      {text}
    </NutTag>
  )
}
