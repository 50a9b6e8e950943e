import { View } from '@tarojs/components'
import { Card } from '../../components/card'
import { MessageList } from '../../components/message-list'
import { useMessages } from '../../hooks/use-messages'
import { usePullRefresh } from '../../hooks/use-pull-refresh'

export default function MessagesPage() {
  const inbox = useMessages()
  usePullRefresh(inbox.reload)
  return (
    <View className="page">
      <Card>
        <MessageList inbox={inbox} />
      </Card>
    </View>
  )
}
