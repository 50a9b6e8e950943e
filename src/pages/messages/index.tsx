import { Card } from '../../components/card'
import { MessageList } from '../../components/message-list'
import { useMessages } from '../../hooks/use-messages'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import { PageRoot } from '../../components/page-root'

export default function MessagesPage() {
  const inbox = useMessages()
  usePullRefresh(inbox.reload)
  return (
    <PageRoot className="page">
      <Card>
        <MessageList inbox={inbox} />
      </Card>
    </PageRoot>
  )
}
