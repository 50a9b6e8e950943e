import { View } from '@tarojs/components'
import { Card } from '../../components/card'
import { MessageList } from '../../components/message-list'
import { PageStatus } from '../../components/page-status'
import { useMessages } from '../../hooks/use-messages'
import { usePullRefresh } from '../../hooks/use-pull-refresh'

export default function MessagesPage() {
  const inbox = useMessages()
  usePullRefresh(inbox.reload)

  if (!inbox.data) return <PageStatus loading={inbox.loading} error={inbox.error} onRetry={() => void inbox.reload()} />
  return (
    <View className="page">
      <Card>
        <MessageList
          items={inbox.data.items}
          hasMore={inbox.data.nextCursor !== null}
          loadingMore={inbox.loadingMore}
          moreError={inbox.moreError}
          onLoadMore={() => void inbox.loadMore()}
          onRead={(id) => void inbox.markRead(id)}
        />
      </Card>
    </View>
  )
}
