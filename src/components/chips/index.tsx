import { Text, View } from '@tarojs/components'
import { Checkbox } from '@nutui/nutui-react-taro'
import './index.css'

export interface Chip {
  id: string
  label: string
}

interface ChipsProps {
  /** Each chip gets the id `${idPrefix}${chip.id}`. */
  idPrefix: string
  items: readonly Chip[]
  selected: readonly string[]
  /** Called with the tapped chip; the caller decides whether that picks one or toggles one of many. */
  onToggle: (id: string) => void
  empty?: string
}

/** Tappable choices, drawn as NutUI's button-shaped checkboxes. */
export function Chips({ idPrefix, items, selected, onToggle, empty }: ChipsProps) {
  if (items.length === 0) return <Text className="muted">{empty ?? '暂无可选项'}</Text>
  return (
    <View className="chips">
      {items.map((c) => (
        <Checkbox
          key={c.id}
          id={`${idPrefix}${c.id}`}
          className="chips__chip"
          shape="button"
          checked={selected.includes(c.id)}
          label={c.label}
          onChange={() => onToggle(c.id)}
        />
      ))}
    </View>
  )
}
