import { Card } from '../../components/card'
import { MessageList } from '../../components/message-list'
import { useMessages } from '../../hooks/use-messages'

/** 我的消息 on the 我的 page: first 20, more on demand. */
export function InboxSection() {
  return (
    <Card title="我的消息">
      <MessageList inbox={useMessages()} />
    </Card>
  )
}
