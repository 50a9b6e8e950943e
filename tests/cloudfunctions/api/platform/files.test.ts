import fs from 'node:fs'
import path from 'node:path'
import { createLocalFiles } from '../../../../cloudfunctions/api/platform/files-local'
import { createCloudFiles } from '../../../../cloudfunctions/api/platform/files-cloudbase'
import { tempDir } from '../../../helpers/api'
import { PNG_1x1, fakeStorage } from './fakes'

const ids = { next: (prefix: string) => `${prefix}_abc123` }

describe('local files (DATA_DIR/uploads)', () => {
  test("stores under the owner's folder and reads, sizes, serves and removes by id", async () => {
    const root = tempDir('wgt-files-')
    const files = createLocalFiles(root, ids)
    const stored = await files.put('u_owner', PNG_1x1, 'image/png')
    expect(stored).toEqual({ fileId: 'local:u_owner/abc123.png', mime: 'image/png', size: PNG_1x1.length })
    expect(fs.readFileSync(path.join(root, 'u_owner', 'abc123.png')).equals(PNG_1x1)).toBe(true)
    expect(files.locate(stored.fileId)).toEqual({ ownerId: 'u_owner', ext: 'png' })
    expect(files.isOwnedBy(stored.fileId, 'u_owner')).toBe(true)
    expect(files.isOwnedBy(stored.fileId, 'u_other')).toBe(false)
    expect(await files.size(stored.fileId)).toBe(PNG_1x1.length)
    expect((await files.read(stored.fileId))?.equals(PNG_1x1)).toBe(true)
    expect(await files.url(stored.fileId)).toBe('/uploads/u_owner/abc123.png')
    await files.remove(stored.fileId)
    expect(await files.size(stored.fileId)).toBeNull()
    expect(await files.read(stored.fileId)).toBeNull()
    await expect(files.remove(stored.fileId)).resolves.toBeUndefined()
  })

  test('the client upload path is inside the owner folder, where the id of that file points', () => {
    const files = createLocalFiles(tempDir('wgt-files-'), ids)
    expect(files.uploadPath('u_owner', 'x1.jpg')).toBe('uploads/u_owner/x1.jpg')
  })

  test.each(['local:../etc/passwd', 'local:u_owner/../../x.png', 'local:u_owner/a.exe', 'cloud://e/uploads/u/a.png'])(
    'an id outside the scheme names no file: %s',
    async (fileId) => {
      const files = createLocalFiles(tempDir('wgt-files-'), ids)
      expect(files.locate(fileId)).toBeNull()
      expect(await files.size(fileId)).toBeNull()
      expect(await files.read(fileId)).toBeNull()
      expect(await files.url(fileId)).toBeNull()
    },
  )

  test('refuses to store a type that is not an upload image', async () => {
    const files = createLocalFiles(tempDir('wgt-files-'), ids)
    await expect(files.put('u_owner', Buffer.from('%PDF'), 'application/pdf')).rejects.toThrow('unsupported mime')
  })
})

describe('CloudBase files', () => {
  test('server-side puts go to uploads/<owner>/ and the path names the owner', async () => {
    const storage = fakeStorage()
    const files = createCloudFiles(storage)
    const stored = await files.put('u_owner', PNG_1x1, 'image/png')
    expect(stored.fileId).toMatch(
      /^cloud:\/\/env-test\.7465-env-test-1300000000\/uploads\/u_owner\/[A-Za-z0-9_-]{16}\.png$/,
    )
    expect(files.locate(stored.fileId)).toEqual({ ownerId: 'u_owner', ext: 'png' })
    expect(await files.url(stored.fileId)).toMatch(/^https:\/\/tmp\.example\.com\/uploads\/u_owner\//)
  })

  test('size comes from the file info, or from the bytes when the storage reports none', async () => {
    const storage = fakeStorage()
    const files = createCloudFiles(storage)
    const fileId = storage.clientUpload(files.uploadPath('u_owner', 'a1.jpg'), Buffer.alloc(1234, 1))
    expect(await files.size(fileId)).toBe(1234)
    storage.reportSize = false
    expect(await files.size(fileId)).toBe(1234)
    expect(await files.size(fileId.replace('a1', 'nope'))).toBeNull()
  })

  test('remove deletes the stored object', async () => {
    const storage = fakeStorage()
    const files = createCloudFiles(storage)
    const fileId = storage.clientUpload('uploads/u_owner/a2.png', PNG_1x1)
    await files.remove(fileId)
    expect(storage.deleted).toEqual([fileId])
    expect(storage.files.size).toBe(0)
  })

  test.each([
    'cloud://env-test.7465-env-test-1300000000/u/u_owner/a.png',
    'cloud://env-test.7465-env-test-1300000000/uploads/u_owner/sub/a.png',
    'cloud://env-test.7465-env-test-1300000000/uploads/u_owner/a.svg',
    'local:u_owner/a.png',
  ])('an id outside uploads/<owner>/<name>.<image ext> belongs to nobody: %s', (fileId) => {
    const files = createCloudFiles(fakeStorage())
    expect(files.locate(fileId)).toBeNull()
    expect(files.isOwnedBy(fileId, 'u_owner')).toBe(false)
  })
})
