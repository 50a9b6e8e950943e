import { Text } from '@tarojs/components'
import { useCategories } from '../../../hooks/orders/use-categories'
import { Card } from '../../card'
import { Chips } from '../../chips'
import { ErrorText } from '../../error-text'

interface CategoryFieldProps {
  value: string | null
  onChange: (id: string) => void
  error: string | null
}

/** 问题分类: one tap picks the category (the common case of the 3-tap report); active ones only. */
export function CategoryField({ value, onChange, error }: CategoryFieldProps) {
  const categories = useCategories()
  const items = (categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ id: c.id, label: c.name }))
  return (
    <Card title="问题分类">
      {categories.data ? (
        <Chips idPrefix="cat-" items={items} selected={value ? [value] : []} onToggle={onChange} />
      ) : (
        <Text className="muted">{categories.error ?? '正在加载分类…'}</Text>
      )}
      <ErrorText id="category-error" message={error} />
    </Card>
  )
}
