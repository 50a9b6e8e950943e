import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { useCategories } from '../../../../hooks/orders/use-categories'
import { CategoryEditor, type Category } from './category-editor'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

function CategoryRow({ category: c, onEdit }: { category: Category; onEdit: () => void }) {
  return (
    <View id={`category-${c.id}`} className="categories__row" onClick={onEdit}>
      <Text className={`categories__name ${c.active ? '' : 'categories__name--off'}`}>
        {c.active ? c.name : `${c.name}（已停用）`}
      </Text>
      <Text className="muted">{`${c.acceptHours} 小时接单 · ${c.resolveWorkdays} 个工作日办结`}</Text>
    </View>
  )
}

/** 工单分类与时限 (street admin): accept within N hours, resolve within N working days. */
export default function CategoriesPage() {
  const list = useCategories()
  /** The category being edited: undefined when the editor is closed, null for a new one. */
  const [editing, setEditing] = useState<Category | null | undefined>(undefined)
  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
  const add = (
    <Button id="category-add" size="small" type="primary" onClick={() => setEditing(null)}>
      新增分类
    </Button>
  )
  return (
    <PageRoot className="page">
      <Card title="工单分类与时限" extra={add}>
        {list.data.items.map((c) => (
          <CategoryRow key={c.id} category={c} onEdit={() => setEditing(c)} />
        ))}
      </Card>
      {editing !== undefined ? (
        <CategoryEditor
          key={editing?.id ?? 'new'}
          category={editing}
          onDone={(saved) => {
            setEditing(undefined)
            if (saved) void list.reload()
          }}
        />
      ) : null}
    </PageRoot>
  )
}
