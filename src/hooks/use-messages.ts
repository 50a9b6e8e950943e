import { useCallback, useRef, useState } from 'react'
import type { ActionOutput } from '../contract'
import { call } from '../services/api'
import { userMessage } from '../services/call-error'
import { useQuery } from './use-query'

type MessagePage = ActionOutput<'messages.list'>
export type MessageItem = MessagePage['items'][number]

export const MESSAGES_PAGE_SIZE = 20

/** The inbox, 20 a page: first page on every show, further pages on demand. */
export function useMessages() {
  const first = useQuery<MessagePage>(useCallback(() => call('messages.list', { limit: MESSAGES_PAGE_SIZE }), []))
  const [more, setMore] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null })
  const busy = useRef(false)
  const page = first.data
  const { setData } = first

  const loadMore = useCallback(async () => {
    if (!page?.nextCursor || busy.current) return
    busy.current = true
    setMore({ loading: true, error: null })
    try {
      const next = await call('messages.list', { cursor: page.nextCursor, limit: MESSAGES_PAGE_SIZE })
      setData({ items: [...page.items, ...next.items], nextCursor: next.nextCursor })
      setMore({ loading: false, error: null })
    } catch (err) {
      setMore({ loading: false, error: userMessage(err) })
    } finally {
      busy.current = false
    }
  }, [page, setData])

  const markRead = useCallback(
    async (id: string) => {
      if (!page) return
      setData({ ...page, items: page.items.map((m) => (m.id === id ? { ...m, read: true } : m)) })
      try {
        await call('messages.markRead', { id })
      } catch {
        // Reading is best effort; the next show refreshes the true state.
      }
    },
    [page, setData],
  )

  return { ...first, loadMore, markRead, loadingMore: more.loading, moreError: more.error }
}
