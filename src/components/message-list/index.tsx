import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { useMessages, MessageItem } from '../../hooks/use-messages'
import { friendlyTime } from '../../utils/time'
import { PagedList } from '../paged-list'
import './index.css'

type Inbox = ReturnType<typeof useMessages>

const TAB_PAGES = ['/pages/index/index', '/pages/snap/index', '/pages/lostfound/index', '/pages/me/index']

/** A message with a link opens that page (a tab by switchTab, which takes no query); one without shows its text. */
function open(message: MessageItem, onRead: (id: string) => void): void {
  if (!message.read) onRead(message.id)
  const link = message.link
  if (!link) {
    void Taro.showModal({ title: message.title, content: message.body, showCancel: false, confirmText: '知道了' })
    return
  }
  const path = link.split('?')[0] ?? link
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url: link })
}

const EMPTY = (
  <>
    <Text className="messages__empty-title">暂无消息</Text>
    <Text className="muted">网格通知、工单进度和回复会出现在这里</Text>
  </>
)

/** The inbox, newest first; unread messages carry a red dot until opened. */
export function MessageList({ inbox }: { inbox: Inbox }) {
  const onRead = (id: string) => void inbox.markRead(id)
  return (
    <PagedList
      list={inbox}
      empty={EMPTY}
      emptyId="messages-empty"
      moreId="messages-more"
      renderItem={(m) => (
        <View
          key={m.id}
          id={`message-${m.id}`}
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
      )}
    />
  )
}
