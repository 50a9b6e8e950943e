import type { Store } from '../store/port'
import type { Clock, Ids, Notification, Notify } from './ports'
import type { WxOpenApi } from './content-check'

/** The in-app inbox (消息): every notification lands here whatever else is available. */
export function createInboxNotify(store: Store, clock: Clock, ids: Ids): Notify {
  return {
    async send(note) {
      await store.insert('messages', {
        _id: ids.next('msg'),
        userId: note.userId,
        title: note.title,
        body: note.body,
        link: note.link ?? null,
        read: false,
        createdAt: clock.now(),
        version: 0,
      })
    },
  }
}

/** Adds a WeChat subscribe message when a template is configured; failures never block the inbox. */
export function withSubscribeMessages(inbox: Notify, callApi: WxOpenApi, templateId: string | undefined): Notify {
  return {
    async send(note: Notification) {
      await inbox.send(note)
      if (!templateId || !note.openId) return
      try {
        await callApi('subscribeMessage.send', {
          touser: note.openId,
          templateId,
          page: note.link ?? 'pages/index/index',
          data: { thing1: { value: note.title.slice(0, 20) }, thing2: { value: note.body.slice(0, 20) } },
        })
      } catch {
        // The user may not have subscribed, or the cloud is unreachable: the inbox copy stands.
      }
    },
  }
}
