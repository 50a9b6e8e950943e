/** The file actions: where a client may upload an image, and registering it so it can be attached. */
import { MAX_UPLOAD_BYTES, UPLOAD_MIME } from '../../../../types'
import type { Handler } from '../../handler'
import { self } from '../places/rules'
import { registerFile } from './records'

export const fileHandlers: {
  'files.prepareUpload': Handler<'files.prepareUpload'>
  'files.register': Handler<'files.register'>
} = {
  'files.prepareUpload': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user }, input) => {
      const name = `${deps.ids.next('f').slice(2)}.${UPLOAD_MIME[input.mime]}`
      return { cloudPath: deps.files.uploadPath(user._id, name), maxBytes: MAX_UPLOAD_BYTES }
    },
  },
  'files.register': {
    roles: 'any',
    place: self,
    handle: async ({ deps, user, openId }, input) =>
      registerFile(deps, { userId: user._id, openId }, input.fileId, input.purpose),
  },
}
