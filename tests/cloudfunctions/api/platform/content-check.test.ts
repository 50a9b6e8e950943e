import {
  createLocalContentCheck,
  createWechatContentCheck,
  parseMediaCheckPush,
} from '../../../../cloudfunctions/api/platform/content-check'
import { fakeWx } from './fakes'

const IMAGE = { url: 'https://tmp.example.com/uploads/u_1/a.jpg?sign=t', mime: 'image/jpeg', size: 2048 }

describe("WeChat's image check (security.mediaCheckAsync v2)", () => {
  test('a report photo is sent as an image in the posts scene and comes back pending with its trace id', async () => {
    const wx = fakeWx({ 'security.mediaCheckAsync': { errcode: 0, errmsg: 'ok', trace_id: 'trace-001' } })
    const check = createWechatContentCheck(wx.callApi, createLocalContentCheck())
    expect(await check.image({ ...IMAGE, purpose: 'photo' }, 'o_user')).toEqual({
      status: 'pending',
      provider: 'wechat',
      traceId: 'trace-001',
    })
    expect(wx.calls).toEqual([
      {
        apiName: 'security.mediaCheckAsync',
        requestData: { media_url: IMAGE.url, media_type: 2, version: 2, openid: 'o_user', scene: 3 },
      },
    ])
  })

  test('an avatar is checked in the profile scene; a camelCase traceId is read too', async () => {
    const wx = fakeWx({ 'security.mediaCheckAsync': { errCode: 0, traceId: 'trace-002' } })
    const check = createWechatContentCheck(wx.callApi, createLocalContentCheck())
    expect(await check.image({ ...IMAGE, purpose: 'avatar' }, 'o_user')).toMatchObject({ traceId: 'trace-002' })
    expect(wx.calls[0]?.requestData.scene).toBe(1)
  })

  test.each([
    ['an error code', { errcode: 61010, errmsg: 'user is not visited recently' }],
    ['no trace id', { errcode: 0, errmsg: 'ok' }],
    ['a network failure', new Error('ECONNRESET')],
  ])('fails closed on %s: the image is never recorded as checked', async (_label, answer) => {
    const wx = fakeWx({ 'security.mediaCheckAsync': answer })
    const check = createWechatContentCheck(wx.callApi, createLocalContentCheck())
    await expect(check.image({ ...IMAGE, purpose: 'photo' }, 'o_user')).rejects.toThrow()
  })
})

describe("WeChat's text check (security.msgSecCheck v2)", () => {
  test('a risky suggestion refuses the text', async () => {
    const wx = fakeWx({ 'security.msgSecCheck': { errcode: 0, result: { suggest: 'risky', label: 20001 } } })
    const check = createWechatContentCheck(wx.callApi, createLocalContentCheck())
    expect(await check.text('一段文字', 'o_user')).toEqual({ pass: false, reason: 'wechat_risky' })
    expect(wx.calls[0]).toEqual({
      apiName: 'security.msgSecCheck',
      requestData: { openid: 'o_user', scene: 2, version: 2, content: '一段文字' },
    })
  })

  test('the local list decides when WeChat cannot be reached, and refuses before asking it', async () => {
    const wx = fakeWx({ 'security.msgSecCheck': new Error('offline') })
    const check = createWechatContentCheck(wx.callApi, createLocalContentCheck())
    expect(await check.text('路灯坏了', 'o_user')).toEqual({ pass: true })
    expect(await check.text('出售冰 毒', 'o_user')).toEqual({ pass: false, reason: 'sensitive_word' })
    expect(wx.calls).toHaveLength(1)
  })
})

describe("reading WeChat's pushed image verdict", () => {
  const base = { ToUserName: 'gh_1', FromUserName: 'o_platform', CreateTime: 1, MsgType: 'event' }

  test.each([
    ['v2 pass', { result: { suggest: 'pass', label: 100 } }, { pass: true, reason: null }],
    ['v2 risky', { result: { suggest: 'risky', label: 20002 } }, { pass: false, reason: 'wechat_risky' }],
    ['v2 review', { result: { suggest: 'review', label: 20006 } }, { pass: false, reason: 'wechat_risky' }],
    ['v1 not risky', { isrisky: 0 }, { pass: true, reason: null }],
    ['v1 risky', { isrisky: 1 }, { pass: false, reason: 'wechat_risky' }],
    ['undownloadable', { isrisky: 0, status_code: 4294966288 }, { pass: false, reason: 'wechat_unreadable' }],
  ])('%s', (_label, extra, expected) => {
    const push = { ...base, Event: 'wxa_media_check', appid: 'wx1', trace_id: 'trace-9', version: 2, ...extra }
    expect(parseMediaCheckPush(push)).toEqual({ traceId: 'trace-9', ...expected })
  })

  test('anything else is not a verdict', () => {
    expect(parseMediaCheckPush({ action: 'me.get', payload: {} })).toBeNull()
    expect(parseMediaCheckPush({ ...base, Event: 'wxa_media_check' })).toBeNull()
    expect(parseMediaCheckPush({ ...base, Event: 'subscribe_msg_popup_event', trace_id: 't' })).toBeNull()
    expect(parseMediaCheckPush(null)).toBeNull()
  })
})
