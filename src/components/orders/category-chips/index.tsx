import { Text, View } from '@tarojs/components'
import './index.css'

interface CategoryChipsProps {
  items: { id: string; name: string }[]
  value: string | null
  onChange: (id: string) => void
}

/** One tap picks the category (the common case of the 3-tap report). */
export function CategoryChips({ items, value, onChange }: CategoryChipsProps) {
  return (
    <View className="category-chips">
      {items.map((c) => (
        <Text
          key={c.id}
          id={`cat-${c.id}`}
          className={`category-chips__chip ${value === c.id ? 'category-chips__chip--on' : ''}`}
          onClick={() => onChange(c.id)}
        >
          {c.name}
        </Text>
      ))}
    </View>
  )
}
