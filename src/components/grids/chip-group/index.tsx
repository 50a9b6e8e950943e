import { Text, View } from '@tarojs/components'
import './index.css'

export interface Chip {
  id: string
  label: string
}

interface ChipGroupProps {
  /** Each chip gets the id `${idPrefix}${chip.id}`. */
  idPrefix: string
  items: Chip[]
  selected: readonly string[]
  onToggle: (id: string) => void
  empty?: string
}

/** Tappable choices (one or many: the caller decides what a toggle means). */
export function ChipGroup({ idPrefix, items, selected, onToggle, empty }: ChipGroupProps) {
  if (items.length === 0) return <Text className="muted">{empty ?? '暂无可选项'}</Text>
  return (
    <View className="chip-group">
      {items.map((c) => (
        <Text
          key={c.id}
          id={`${idPrefix}${c.id}`}
          className={`chip-group__chip ${selected.includes(c.id) ? 'chip-group__chip--on' : ''}`}
          onClick={() => onToggle(c.id)}
        >
          {c.label}
        </Text>
      ))}
    </View>
  )
}
