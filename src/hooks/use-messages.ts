import { useCallback } from 'react'
import type { ActionOutput } from '../contract'
import { call } from '../services/api'
import { usePaged } from './use-paged'

type MessagePage = ActionOutput<'messages.list'>
export type MessageItem = MessagePage['items'][number]

export const MESSAGES_PAGE_SIZE = 20

/** The inbox, 20 a page: first page on every show, further pages on demand. */
export function useMessages() {
  const paged = usePaged<MessageItem>(
    useCallback((cursor?: string) => call('messages.list', { cursor, limit: MESSAGES_PAGE_SIZE }), []),
  )
  const { data: page, setData } = paged

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

  return { ...paged, markRead }
}
