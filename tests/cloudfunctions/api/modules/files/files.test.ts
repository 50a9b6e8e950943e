/** Registering uploads on the embedded default (local files, local check), and who may attach what. */
import fs from 'node:fs'
import path from 'node:path'
import { createTestApi, dataOf, T0, type TestApi } from '../../../../helpers/api'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { assertAttachable, fileDocId, loadFile } from '../../../../../cloudfunctions/api/modules/files/records'
import { createLocalContentCheck } from '../../../../../cloudfunctions/api/platform/content-check'
import type { ContentCheck } from '../../../../../cloudfunctions/api/platform/ports'
import { JPEG_HEAD, PNG_1x1 } from '../../platform/fakes'

const OWNER = 'o_files_owner'
const OTHER = 'o_files_other'
let seq = 0
const rid = () => `files-req-${String(++seq).padStart(4, '0')}`

/** What the client does with a prepared path: the bytes land there (locally, inside DATA_DIR). */
async function uploadAs(api: TestApi, openId: string, bytes: Buffer, mime = 'image/png'): Promise<string> {
  const { cloudPath } = dataOf<{ cloudPath: string }>(await api.call(openId, 'files.prepareUpload', { mime }))
  const file = path.join(path.dirname(api.uploadDir), cloudPath)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, bytes)
  return `local:${cloudPath.slice('uploads/'.length)}`
}

async function registered(api: TestApi, openId: string, bytes = PNG_1x1): Promise<string> {
  const fileId = await uploadAs(api, openId, bytes)
  dataOf(await api.call(openId, 'files.register', { fileId }, rid()))
  return fileId
}

const filesOf = async (api: TestApi, openId: string) =>
  (await api.deps.store.find('files', { where: { ownerId: userIdFor(openId) }, limit: 10 })).items

describe('files.prepareUpload and files.register (local)', () => {
  let api: TestApi
  beforeEach(async () => {
    api = await createTestApi()
  })

  test("prepareUpload issues a fresh path in the caller's folder with the type's extension", async () => {
    const a = dataOf<{ cloudPath: string; maxBytes: number }>(
      await api.call(OWNER, 'files.prepareUpload', { mime: 'image/png' }),
    )
    const b = dataOf<{ cloudPath: string }>(await api.call(OWNER, 'files.prepareUpload', {}))
    expect(a.cloudPath).toMatch(new RegExp(`^uploads/${userIdFor(OWNER)}/[A-Za-z0-9_-]{16}\\.png$`))
    expect(a.maxBytes).toBe(2 * 1024 * 1024)
    expect(b.cloudPath).toMatch(/\.jpg$/)
    expect(b.cloudPath).not.toBe(a.cloudPath.replace(/png$/, 'jpg'))
    expect(await api.call(OWNER, 'files.prepareUpload', { mime: 'image/svg+xml' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'mime', message: '只能上传 JPG、PNG、WebP 或 GIF 图片' }] },
    })
  })

  test('an uploaded image is registered with its owner, size, sniffed type and the recorded local check', async () => {
    const fileId = await uploadAs(api, OWNER, PNG_1x1)
    const view = dataOf(await api.call(OWNER, 'files.register', { fileId, purpose: 'avatar' }, rid()))
    expect(view).toEqual({
      fileId,
      url: `/uploads/${fileId.slice('local:'.length)}`,
      mime: 'image/png',
      size: PNG_1x1.length,
      check: 'pass',
    })
    expect(await api.deps.store.get('files', fileDocId(fileId))).toEqual({
      _id: fileDocId(fileId),
      fileId,
      ownerId: userIdFor(OWNER),
      mime: 'image/png',
      size: PNG_1x1.length,
      purpose: 'avatar',
      check: { status: 'pass', provider: 'local', reason: null, traceId: null, checkedAt: T0 },
      createdAt: T0,
      version: 0,
    })
  })

  test('registering the same file again answers the same record and writes no second one', async () => {
    const fileId = await uploadAs(api, OWNER, PNG_1x1)
    const first = dataOf(await api.call(OWNER, 'files.register', { fileId }, rid()))
    api.clock.advance(60_000)
    expect(dataOf(await api.call(OWNER, 'files.register', { fileId }, rid()))).toEqual(first)
    expect(await filesOf(api, OWNER)).toHaveLength(1)
  })

  test.each([
    ['a file in someone else’s folder', 'other', 'VALIDATION', '只能登记自己上传的图片'],
    ['a file that was never uploaded', 'missing', 'VALIDATION', '没有找到上传的图片，请重新上传'],
    ['bytes that are no image', 'script', 'VALIDATION', '只能上传 JPG、PNG、WebP 或 GIF 图片'],
    ['JPEG bytes under a .png name', 'mismatch', 'VALIDATION', '只能上传 JPG、PNG、WebP 或 GIF 图片'],
    ['an image over 2 MB', 'big', 'PAYLOAD_TOO_LARGE', '图片不能超过 2 MB'],
  ])('%s is refused, deleted when it was stored, and leaves no record', async (_label, kind, code, message) => {
    let fileId: string
    if (kind === 'other') fileId = await uploadAs(api, OTHER, PNG_1x1)
    else if (kind === 'missing') fileId = `local:${userIdFor(OWNER)}/nothing1234.png`
    else if (kind === 'script') fileId = await uploadAs(api, OWNER, Buffer.from('#!/bin/sh\nrm -rf /'))
    else if (kind === 'mismatch') fileId = await uploadAs(api, OWNER, JPEG_HEAD, 'image/png')
    else fileId = await uploadAs(api, OWNER, Buffer.concat([PNG_1x1, Buffer.alloc(2 * 1024 * 1024)]))
    const res = await api.call(OWNER, 'files.register', { fileId }, rid())
    expect(res).toEqual({ ok: false, error: { code, message, fields: [{ path: 'fileId', message }] } })
    expect(await filesOf(api, OWNER)).toEqual([])
    const stored = await api.deps.files.size(fileId)
    expect(stored === null).toBe(kind !== 'other')
  })

  test('an id that is not a storage file id is refused by the contract', async () => {
    expect(await api.call(OWNER, 'files.register', { fileId: 'https://evil.example/x.png' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'fileId', message: '文件编号不正确' }] },
    })
  })
})

describe('the image check decides', () => {
  test('a rejected image is recorded as rejected, its bytes deleted, and asking again answers the same', async () => {
    const reject: ContentCheck = {
      ...createLocalContentCheck(),
      image: async () => ({ status: 'reject', provider: 'local', reason: 'test_reject' }),
    }
    const api = await createTestApi({ overrides: { contentCheck: reject } })
    const fileId = await uploadAs(api, OWNER, PNG_1x1)
    const refusal = { ok: false, error: { code: 'CONTENT_REJECTED', message: '图片未通过内容安全审核，请更换后重试' } }
    expect(await api.call(OWNER, 'files.register', { fileId }, rid())).toEqual(refusal)
    expect(await api.call(OWNER, 'files.register', { fileId }, rid())).toEqual(refusal)
    expect((await loadFile(api.deps, fileId))?.check).toEqual({
      status: 'reject',
      provider: 'local',
      reason: 'test_reject',
      traceId: null,
      checkedAt: T0,
    })
    expect(await api.deps.files.size(fileId)).toBeNull()
  })

  test('an unavailable check is INTERNAL, records nothing, keeps the bytes, and a retry of the same request runs again', async () => {
    let down = true
    const flaky: ContentCheck = {
      ...createLocalContentCheck(),
      image: async () => {
        if (down) throw new Error('mediaCheckAsync failed: errcode -1')
        return { status: 'pass', provider: 'local' }
      },
    }
    const api = await createTestApi({ overrides: { contentCheck: flaky } })
    const fileId = await uploadAs(api, OWNER, PNG_1x1)
    expect(await api.call(OWNER, 'files.register', { fileId }, 'files-retry-0001')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
    })
    expect(await loadFile(api.deps, fileId)).toBeNull()
    expect(await api.deps.files.size(fileId)).toBe(PNG_1x1.length)
    down = false
    expect(await api.call(OWNER, 'files.register', { fileId }, 'files-retry-0001')).toMatchObject({
      ok: true,
      data: { fileId, check: 'pass' },
    })
  })
})

describe('assertAttachable', () => {
  let api: TestApi
  let mine: string
  beforeAll(async () => {
    api = await createTestApi()
    mine = await registered(api, OWNER)
  })

  const refusedAt = (path: string, message: string) => ({
    name: 'AppError',
    code: 'VALIDATION',
    message: '照片无效，请重新上传',
    fields: [{ path, message }],
  })

  test("the caller's own registered, passing files are accepted, one or several", async () => {
    const second = await registered(api, OWNER)
    await expect(assertAttachable(api.deps, userIdFor(OWNER), mine, 'avatarFileId')).resolves.toBeUndefined()
    await expect(assertAttachable(api.deps, userIdFor(OWNER), [mine, second], 'photos')).resolves.toBeUndefined()
    await expect(assertAttachable(api.deps, userIdFor(OWNER), [], 'photos')).resolves.toBeUndefined()
  })

  test('a file uploaded into the own folder but never registered is refused at its field', async () => {
    const unregistered = await uploadAs(api, OWNER, PNG_1x1)
    await expect(assertAttachable(api.deps, userIdFor(OWNER), unregistered, 'avatarFileId')).rejects.toMatchObject(
      refusedAt('avatarFileId', '只能使用自己上传并通过审核的图片'),
    )
    await expect(assertAttachable(api.deps, userIdFor(OWNER), [mine, unregistered], 'photos')).rejects.toMatchObject(
      refusedAt('photos.1', '只能使用自己上传并通过审核的图片'),
    )
  })

  test("someone else's registered file is refused", async () => {
    const theirs = await registered(api, OTHER)
    await expect(assertAttachable(api.deps, userIdFor(OWNER), [theirs], 'photos')).rejects.toMatchObject(
      refusedAt('photos.0', '只能使用自己上传并通过审核的图片'),
    )
  })

  test.each([
    ['pending', true],
    ['reject', false],
  ] as const)('a file whose check is %s is attachable: %s', async (status, attachable) => {
    const fileId = await registered(api, OWNER)
    const doc = await loadFile(api.deps, fileId)
    if (!doc) throw new Error('not registered')
    await api.deps.store.replace('files', { ...doc, check: { ...doc.check, status } })
    const attempt = assertAttachable(api.deps, userIdFor(OWNER), [fileId], 'photos')
    if (attachable) await expect(attempt).resolves.toBeUndefined()
    else await expect(attempt).rejects.toMatchObject(refusedAt('photos.0', '这张图片未通过内容安全审核，请更换'))
  })
})
