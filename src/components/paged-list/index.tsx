import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PagedState } from '../../hooks/use-paged'
import { ListFooter } from '../list-footer'
import { PageStatus } from '../page-status'
import './index.css'

interface PagedListProps<T> {
  list: PagedState<T>
  /** What an empty list says: a sentence, or a small block. */
  empty: ReactNode
  emptyId?: string
  moreId?: string
  renderItem: (item: T) => ReactNode
}

/** A cursor-paged list: loading and failure, the empty sentence, the rows, then 加载更多 / 没有更多了. */
export function PagedList<T>({ list, empty, emptyId, moreId, renderItem }: PagedListProps<T>) {
  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
  if (list.data.items.length === 0) {
    return (
      <View id={emptyId} className="paged-list__empty">
        {typeof empty === 'string' ? <Text>{empty}</Text> : empty}
      </View>
    )
  }
  return (
    <View className="paged-list">
      {list.data.items.map(renderItem)}
      <ListFooter
        id={moreId}
        hasMore={list.data.nextCursor !== null}
        loading={list.loadingMore}
        error={list.moreError}
        onMore={() => void list.loadMore()}
      />
    </View>
  )
}
