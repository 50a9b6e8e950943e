import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { MessageItem } from '../../hooks/use-messages'
import { friendlyTime } from '../../utils/time'
import './index.css'

interface MessageListProps {
  items: MessageItem[]
  hasMore: boolean
  loadingMore: boolean
  moreError: string | null
  onLoadMore: () => void
  onRead: (id: string) => void
}

function open(message: MessageItem, onRead: (id: string) => void): void {
  if (!message.read) onRead(message.id)
  void Taro.showModal({ title: message.title, content: message.body, showCancel: false, confirmText: '知道了' })
}

/** The inbox, newest first; unread messages carry a red dot until opened. */
export function MessageList({ items, hasMore, loadingMore, moreError, onLoadMore, onRead }: MessageListProps) {
  if (items.length === 0) {
    return (
      <View id="messages-empty" className="messages__empty">
        <Text className="messages__empty-title">暂无消息</Text>
        <Text className="muted">网格通知、工单进度和回复会出现在这里</Text>
      </View>
    )
  }
  return (
    <View className="messages">
      {items.map((m) => (
        <View
          key={m.id}
          className="messages__item"
          hoverClass="messages__item--pressed"
          onClick={() => open(m, onRead)}
        >
          <View className="messages__top">
            {!m.read ? <View className="messages__dot" /> : null}
            <Text className={`messages__title ${m.read ? '' : 'messages__title--unread'}`}>{m.title}</Text>
            <Text className="messages__time">{friendlyTime(m.createdAt)}</Text>
          </View>
          <Text className="messages__body">{m.body}</Text>
        </View>
      ))}
      {moreError ? <Text className="messages__error">{moreError}</Text> : null}
      {hasMore ? (
        <Button id="messages-more" fill="none" block loading={loadingMore} onClick={onLoadMore}>
          加载更多
        </Button>
      ) : (
        <Text className="messages__end">没有更多了</Text>
      )}
    </View>
  )
}
