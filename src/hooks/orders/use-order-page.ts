import { useCallback, useRef, useState } from 'react'
import type { OrderSummary } from '../../contract'
import { userMessage } from '../../services/call-error'
import { useQuery } from '../use-query'

export interface OrderPage {
  items: OrderSummary[]
  nextCursor: string | null
}

/** A list of orders, 20 a page: the first page on every show, more on demand. */
export function useOrderPage(fetchPage: (cursor: string | undefined) => Promise<OrderPage>) {
  const first = useQuery<OrderPage>(useCallback(() => fetchPage(undefined), [fetchPage]))
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
