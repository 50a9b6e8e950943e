import { useCallback, useRef, useState } from 'react'
import { userMessage } from '../services/call-error'
import { useQuery, type QueryState } from './use-query'

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedState<T> extends QueryState<Paged<T>> {
  loadMore: () => Promise<void>
  loadingMore: boolean
  /** Chinese message of the last failed 加载更多, or null. */
  moreError: string | null
}

/**
 * A cursor-paged list: the first page on mount, on every later show and whenever `fetchPage` changes
 * (a new filter); further pages on demand.
 */
export function usePaged<T>(fetchPage: (cursor: string | undefined) => Promise<Paged<T>>): PagedState<T> {
  const first = useQuery<Paged<T>>(useCallback(() => fetchPage(undefined), [fetchPage]))
  const [more, setMore] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null })
  const busy = useRef(false)
  const { data: page, setData } = first

  const loadMore = useCallback(async () => {
    if (!page?.nextCursor || busy.current) return
    busy.current = true
    setMore({ loading: true, error: null })
    try {
      const next = await fetchPage(page.nextCursor)
      setData({ items: [...page.items, ...next.items], nextCursor: next.nextCursor })
      setMore({ loading: false, error: null })
    } catch (err) {
      setMore({ loading: false, error: userMessage(err) })
    } finally {
      busy.current = false
    }
  }, [page, setData, fetchPage])

  return { ...first, loadMore, loadingMore: more.loading, moreError: more.error }
}
