/** The caller's own profile: reading it and changing nickname, phone and avatar. */
import type { Handler } from '../../handler'
import { AppError } from '../../errors'
import { updateUser } from '../../users'
import { presentMe } from './present'
import { self } from '../places/rules'
import { assertAttachable } from '../files/records'

export const meHandlers: { 'me.get': Handler<'me.get'>; 'me.update': Handler<'me.update'> } = {
  'me.get': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }) => presentMe(deps, user),
  },
  'me.update': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user, openId }, input) => {
      if (input.nickname !== undefined) {
        const verdict = await deps.contentCheck.text(input.nickname, openId)
        if (!verdict.pass) throw new AppError('CONTENT_REJECTED', '昵称包含不适宜的内容，请修改后再试')
      }
      if (input.avatarFileId) await assertAttachable(deps, user._id, input.avatarFileId, 'avatarFileId')
      const next = await updateUser(deps, user._id, (current) => ({
        ...current,
        nickname: input.nickname ?? current.nickname,
        phone: input.phone === undefined ? current.phone : input.phone,
        avatarFileId: input.avatarFileId === undefined ? current.avatarFileId : input.avatarFileId,
      }))
      return presentMe(deps, next)
    },
  },
}
