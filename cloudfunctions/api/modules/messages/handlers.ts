/** The in-app inbox: every notification a person received, newest first, and marking one read. */
import { MessageDocSchema } from '../../../../types'
import type { Handler } from '../../handler'
import { notFound } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { self } from '../places/rules'
import { scoped } from '../places/place'

export const messageHandlers: {
  'messages.list': Handler<'messages.list'>
  'messages.markRead': Handler<'messages.markRead'>
} = {
  'messages.list': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }, input) => {
      const page = await deps.store.find('messages', {
        where: { userId: user._id },
        orderBy: { field: 'createdAt', direction: 'desc' },
        limit: input.limit,
        cursor: input.cursor ?? null,
      })
      return {
        items: page.items.map((raw) => {
          const m = MessageDocSchema.parse(raw)
          return { id: m._id, title: m.title, body: m.body, link: m.link, read: m.read, createdAt: m.createdAt }
        }),
        nextCursor: page.nextCursor,
      }
    },
  },
  'messages.markRead': {
    roles: 'any',
    place: async (deps, input) => {
      const raw = await deps.store.get('messages', input.id)
      const owner = raw ? MessageDocSchema.parse(raw).userId : ''
      return scoped('message', input.id, { streetId: null }, { partyIds: [owner], hidden: true, refusal: '消息不存在' })
    },
    handle: async ({ deps }, input) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const raw = await deps.store.get('messages', input.id)
        if (!raw) throw notFound('消息不存在')
        const message = MessageDocSchema.parse(raw)
        if (message.read) return { id: message._id, read: true as const }
        try {
          await deps.store.replace('messages', { ...message, read: true })
          return { id: message._id, read: true as const }
        } catch (err) {
          if (!(err instanceof StoreConflictError)) throw err
        }
      }
      throw new StoreConflictError('messages', input.id)
    },
  },
}
