import { Card } from '../../components/card'
import { MessageList } from '../../components/message-list'
import { PageStatus } from '../../components/page-status'
import { useMessages } from '../../hooks/use-messages'

/** 我的消息 on the 我的 page: first 20, more on demand. */
export function InboxSection() {
  const inbox = useMessages()
  return (
    <Card title="我的消息">
      {inbox.data ? (
        <MessageList
          items={inbox.data.items}
          hasMore={inbox.data.nextCursor !== null}
          loadingMore={inbox.loadingMore}
          moreError={inbox.moreError}
          onLoadMore={() => void inbox.loadMore()}
          onRead={(id) => void inbox.markRead(id)}
        />
      ) : (
        <PageStatus loading={inbox.loading} error={inbox.error} onRetry={() => void inbox.reload()} />
      )}
    </Card>
  )
}
