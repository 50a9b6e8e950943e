/**
 * The weapp path against CloudBase-shaped storage and WeChat's asynchronous image check: prepare,
 * upload into the issued path, register (pending), then WeChat's pushed verdict.
 */
import { createTestApi, dataOf, T0, type TestApi } from '../../../../helpers/api'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { createCloudFiles } from '../../../../../cloudfunctions/api/platform/files-cloudbase'
import {
  createLocalContentCheck,
  createWechatContentCheck,
  parseMediaCheckPush,
} from '../../../../../cloudfunctions/api/platform/content-check'
import { assertAttachable, loadFile } from '../../../../../cloudfunctions/api/modules/files/records'
import { applyLateVerdict } from '../../../../../cloudfunctions/api/modules/files/verdicts'
import { PNG_1x1, fakeStorage, fakeWx, type FakeStorage, type FakeWx } from '../../platform/fakes'

const RIDER = 'o_cloud_rider'

interface CloudApi {
  api: TestApi
  storage: FakeStorage
  wx: FakeWx
  downloads: string[]
}

async function cloudApi(): Promise<CloudApi> {
  const storage = fakeStorage()
  const downloads: string[] = []
  const download = storage.downloadFile.bind(storage)
  storage.downloadFile = async (opts) => {
    downloads.push(opts.fileID)
    return download(opts)
  }
  let trace = 0
  const wx = fakeWx()
  const answer = wx.callApi
  wx.callApi = async (apiName, requestData) => {
    wx.answers['security.mediaCheckAsync'] = { errcode: 0, errmsg: 'ok', trace_id: `trace-${++trace}` }
    return answer(apiName, requestData)
  }
  const api = await createTestApi({
    overrides: {
      files: createCloudFiles(storage),
      contentCheck: createWechatContentCheck(wx.callApi, createLocalContentCheck()),
    },
  })
  return { api, storage, wx, downloads }
}

/** prepareUpload → `Taro.cloud.uploadFile` → files.register, as src/services/upload.ts does it. */
async function snapUpload({ api, storage }: CloudApi, bytes = PNG_1x1, requestId = 'cloud-reg-0001') {
  const { cloudPath } = dataOf<{ cloudPath: string }>(
    await api.call(RIDER, 'files.prepareUpload', { mime: 'image/png' }),
  )
  const fileId = storage.clientUpload(cloudPath, bytes)
  return { fileId, res: await api.call(RIDER, 'files.register', { fileId }, requestId) }
}

const push = (traceId: string, suggest: string) =>
  parseMediaCheckPush({
    ToUserName: 'gh_1',
    FromUserName: 'o_platform',
    CreateTime: 1,
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wx1',
    trace_id: traceId,
    version: 2,
    errcode: 0,
    errmsg: 'ok',
    detail: [],
    result: { suggest, label: 100 },
  })

describe('weapp upload → register → WeChat verdict', () => {
  test('registration asks WeChat about the temporary URL and records the pending check', async () => {
    const cloud = await cloudApi()
    const { fileId, res } = await snapUpload(cloud)
    const path = fileId.replace(/^cloud:\/\/[^/]+\//, '')
    expect(path).toMatch(new RegExp(`^uploads/${userIdFor(RIDER)}/[A-Za-z0-9_-]{16}\\.png$`))
    const url = `https://tmp.example.com/${path}?sign=t`
    expect(res).toEqual({
      ok: true,
      data: { fileId, url, mime: 'image/png', size: PNG_1x1.length, check: 'pending' },
    })
    expect(cloud.wx.calls).toEqual([
      {
        apiName: 'security.mediaCheckAsync',
        requestData: { media_url: url, media_type: 2, version: 2, openid: RIDER, scene: 3 },
      },
    ])
    expect((await loadFile(cloud.api.deps, fileId))?.check).toEqual({
      status: 'pending',
      provider: 'wechat',
      reason: null,
      traceId: 'trace-1',
      checkedAt: T0,
    })
    await expect(assertAttachable(cloud.api.deps, userIdFor(RIDER), [fileId], 'photos')).resolves.toBeUndefined()
  })

  test('a passing verdict marks the file passed; the same push again changes nothing', async () => {
    const cloud = await cloudApi()
    const { fileId } = await snapUpload(cloud)
    cloud.api.clock.advance(90_000)
    const verdict = push('trace-1', 'pass')
    if (!verdict) throw new Error('push not read')
    expect(await applyLateVerdict(cloud.api.deps, verdict)).toBe('passed')
    expect(await applyLateVerdict(cloud.api.deps, verdict)).toBe('unchanged')
    expect((await loadFile(cloud.api.deps, fileId))?.check).toMatchObject({ status: 'pass', checkedAt: T0 + 90_000 })
    expect(cloud.storage.deleted).toEqual([])
  })

  test('a risky verdict deletes the bytes, records why, refuses attaching and tells the owner', async () => {
    const cloud = await cloudApi()
    const { fileId } = await snapUpload(cloud)
    const verdict = push('trace-1', 'risky')
    if (!verdict) throw new Error('push not read')
    expect(await applyLateVerdict(cloud.api.deps, verdict)).toBe('rejected')
    expect(cloud.storage.deleted).toEqual([fileId])
    expect((await loadFile(cloud.api.deps, fileId))?.check).toMatchObject({ status: 'reject', reason: 'wechat_risky' })
    await expect(assertAttachable(cloud.api.deps, userIdFor(RIDER), [fileId], 'photos')).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'photos.0', message: '这张图片未通过内容安全审核，请更换' }],
    })
    const inbox = dataOf<{ items: { title: string; body: string }[] }>(await cloud.api.call(RIDER, 'messages.list', {}))
    expect(inbox.items).toEqual([
      expect.objectContaining({
        title: '图片未通过审核',
        body: '您上传的一张图片未通过内容安全审核，已被移除。如有需要，请更换图片后重新提交。',
      }),
    ])
    expect(await applyLateVerdict(cloud.api.deps, verdict)).toBe('unchanged')
    const again = dataOf<{ items: unknown[] }>(await cloud.api.call(RIDER, 'messages.list', {}))
    expect(again.items).toHaveLength(1)
  })

  test('a verdict for an unknown trace id is ignored', async () => {
    const cloud = await cloudApi()
    const verdict = push('trace-unknown', 'risky')
    if (!verdict) throw new Error('push not read')
    expect(await applyLateVerdict(cloud.api.deps, verdict)).toBe('unknown')
  })

  test('a file the storage reports over 2 MB is refused and deleted without downloading it', async () => {
    const cloud = await cloudApi()
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(3 * 1024 * 1024)])
    const { fileId, res } = await snapUpload(cloud, big)
    expect(res).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过 2 MB' } })
    expect(cloud.downloads).toEqual([])
    expect(cloud.storage.deleted).toEqual([fileId])
    expect(cloud.wx.calls).toEqual([])
  })

  test('when WeChat refuses the check request, nothing is recorded and the upload stays for a retry', async () => {
    const cloud = await cloudApi()
    cloud.wx.callApi = async () => ({ errcode: 61010, errmsg: 'user is not visited recently' })
    cloud.api.deps.contentCheck = createWechatContentCheck(cloud.wx.callApi, createLocalContentCheck())
    const { fileId, res } = await snapUpload(cloud)
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await loadFile(cloud.api.deps, fileId)).toBeNull()
    expect(cloud.storage.deleted).toEqual([])
  })
})

describe('the deployed entry', () => {
  test('a pushed verdict without a caller is applied and answered "success"; with a caller it is an ordinary call', async () => {
    process.env.DATA_DIR = (await import('../../../../helpers/api')).tempDir('wgt-push-')
    const { main } = await import('../../../../../cloudfunctions/api/index')
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'trace-x', result: { suggest: 'pass' } }
    expect(await main(event, { request_id: 'r-1', environment: '{}' })).toBe('success')
    const withCaller = { request_id: 'r-2', environment: JSON.stringify({ WX_OPENID: 'o_forger' }) }
    expect(await main(event, withCaller)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
