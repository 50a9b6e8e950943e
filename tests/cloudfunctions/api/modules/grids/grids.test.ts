/** Grid stories: join by code, rotate, invites and roles, records look-up with audit, departments. */
import QRCode from 'qrcode'
import { createTestApi, dataOf, T0, type TestApi } from '../../../../helpers/api'
import { userIdFor } from '../../../../../cloudfunctions/api/users'
import { demoOpenId } from '../../../../../scripts/seed/demo'

const admin = demoOpenId('street_admin')
const worker = demoOpenId('grid_worker')
const SQUARE = [
  { lat: 35.43, lng: 116.6 },
  { lat: 35.43, lng: 116.605 },
  { lat: 35.434, lng: 116.605 },
  { lat: 35.434, lng: 116.6 },
]

let api: TestApi
beforeEach(async () => {
  api = await createTestApi({ seed: true })
})

let seq = 0
const rid = () => `test-req-${String(++seq).padStart(6, '0')}`
const codeOf = async (gridId: string) => String((await api.deps.store.get('grids', gridId))?.joinCode)
/** The audit log as admins read it, without the generated entry ids. */
const auditOf = async (who: string) =>
  dataOf<{ items: { id: string; action: string }[] }>(await api.call(who, 'audit.list', {})).items.map(
    ({ id: _id, ...entry }) => entry,
  )

describe('joining a grid by its code', () => {
  test('a new resident previews, joins with an address, and the grid 首页 shows them as a member', async () => {
    const code = await codeOf('gd_nz_02')
    const preview = dataOf<{ gridName: string; workerNames: string[] }>(
      await api.call('wx-newcomer', 'grids.joinPreview', { code }),
    )
    expect(preview).toMatchObject({ gridName: '南张社区第二网格', workerNames: ['刘晓燕'] })
    const before = dataOf<{ memberCount: number }>(
      await api.call('wx-newcomer', 'grids.get', { gridId: 'gd_nz_02' }),
    ).memberCount
    const home = dataOf<{
      isMember: boolean
      memberCount: number
      workers: { nickname: string; phoneMasked: string }[]
    }>(
      await api.call(
        'wx-newcomer',
        'grids.join',
        { code: code.toLowerCase(), building: '5', unit: '2', room: '301', realName: '陈阿姨' },
        rid(),
      ),
    )
    expect(home).toMatchObject({
      isMember: true,
      memberCount: before + 1,
      workers: [{ nickname: '刘晓燕', phoneMasked: '139****6789' }],
    })
    expect(dataOf<{ homeGrid: { name: string } }>(await api.call('wx-newcomer', 'me.get')).homeGrid.name).toBe(
      '南张社区第二网格',
    )
  })

  test('moving home keeps the old membership as history and counts the resident once', async () => {
    const resident = demoOpenId('resident')
    const oldCount = dataOf<{ memberCount: number }>(
      await api.call(resident, 'grids.get', { gridId: 'gd_nz_01' }),
    ).memberCount
    api.clock.advance(60_000)
    dataOf(
      await api.call(
        resident,
        'grids.join',
        { code: await codeOf('gd_aj_01'), building: '1', unit: '1', room: '101' },
        rid(),
      ),
    )
    expect(
      dataOf<{ memberCount: number }>(await api.call(resident, 'grids.get', { gridId: 'gd_nz_01' })).memberCount,
    ).toBe(oldCount - 1)
    const history = await api.deps.store.find('memberships', {
      where: { userId: userIdFor(resident) },
      orderBy: { field: 'joinedAt', direction: 'desc' },
      limit: 10,
    })
    expect(history.items.map((m) => [m.gridId, m.active])).toEqual([
      ['gd_aj_01', true],
      ['gd_nz_01', false],
    ])
  })

  test('a rotated code stops working with a clear message and changes nothing', async () => {
    const old = await codeOf('gd_nz_01')
    const { joinCode } = dataOf<{ joinCode: string }>(
      await api.call(worker, 'grids.rotateCode', { gridId: 'gd_nz_01' }, rid()),
    )
    expect(joinCode).not.toBe(old)
    const res = await api.call('wx-late', 'grids.join', { code: old, building: '1', unit: '1', room: '1' }, rid())
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '该二维码已更新，请向网格员索取最新的二维码' },
    })
    expect(dataOf<{ homeGrid: null }>(await api.call('wx-late', 'me.get')).homeGrid).toBeNull()
    dataOf(await api.call('wx-late', 'grids.join', { code: joinCode, building: '1', unit: '1', room: '1' }, rid()))
  })

  test('an unknown or malformed code gets a Chinese message', async () => {
    expect(await api.call('wx-x', 'grids.joinPreview', { code: 'ABCDEFGH' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '加入码无效，请核对后重试' },
    })
    expect(await api.call('wx-x', 'grids.joinPreview', { code: '12' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'code', message: '加入码应为 8 位字母或数字' }] },
    })
  })

  test('the poster carries the grid name, worker and a QR of the join URL (H5)', async () => {
    const poster = dataOf<{
      gridName: string
      workerNames: string[]
      joinUrl: string
      qrSvg: string
      joinCode: string
    }>(await api.call(worker, 'grids.poster', { gridId: 'gd_nz_01', baseUrl: 'http://127.0.0.1:8080/' }))
    expect(poster).toMatchObject({ gridName: '南张社区第一网格', workerNames: ['刘晓燕'] })
    expect(poster.joinUrl).toBe(`http://127.0.0.1:8080/#/pages/join/index?code=${poster.joinCode}`)
    // The QR encodes the join URL itself (not the bare code), with a 1-module margin and level M correction.
    expect(poster.qrSvg).toBe(
      await QRCode.toString(poster.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    )
    expect(poster.qrSvg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 35 35"')).toBe(true)
  })
})

describe('invites and roles', () => {
  test('an admin creates a grid and a worker invite; redeeming makes the person its worker, once', async () => {
    const grid = dataOf<{ id: string }>(
      await api.call(
        admin,
        'grids.create',
        { communityId: 'cm_anju', name: '安居社区第五网格', code: 'AJ-05', polygon: SQUARE },
        rid(),
      ),
    )
    const invite = dataOf<{ id: string; code: string; state: string; scopeLabel: string }>(
      await api.call(admin, 'invites.create', { role: 'grid_worker', gridIds: [grid.id] }, rid()),
    )
    expect(invite).toMatchObject({ state: 'open', scopeLabel: '网格员（安居社区第五网格）' })
    expect(dataOf(await api.call('wx-new-worker', 'invites.redeem', { code: invite.code }, rid()))).toEqual({
      role: 'grid_worker',
      scopeLabel: '网格员（安居社区第五网格）',
    })
    const home = dataOf<{ workers: { id: string }[]; canManage: boolean }>(
      await api.call('wx-new-worker', 'grids.get', { gridId: grid.id }),
    )
    expect(home.workers.map((w) => w.id)).toEqual([userIdFor('wx-new-worker')])
    expect(home.canManage).toBe(true)
    expect(await api.call('wx-someone-else', 'invites.redeem', { code: invite.code }, rid())).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    // All three steps share one instant, so their order in the log is not defined: compared as a set.
    const maskedCode = `${invite.code.slice(0, 2)}******${invite.code.slice(-2)}`
    const log = await auditOf(admin)
    expect(log.sort((a, b) => a.action.localeCompare(b.action))).toEqual([
      {
        at: T0,
        actorName: '周书记',
        action: 'grid.create',
        targetType: 'grid',
        targetId: grid.id,
        detail: '新建网格 安居社区第五网格（AJ-05）',
      },
      {
        at: T0,
        actorName: '周书记',
        action: 'invite.create',
        targetType: 'invite',
        targetId: invite.id,
        detail: `发放邀请码 ${maskedCode}：网格员（安居社区第五网格）`,
      },
      {
        at: T0,
        actorName: '微信用户',
        action: 'role.grant',
        targetType: 'user',
        targetId: userIdFor('wx-new-worker'),
        detail: '使用邀请码成为网格员（安居社区第五网格）',
      },
    ])
  })

  test('two people redeeming one invite at the same moment: exactly one wins', async () => {
    const invite = dataOf<{ code: string }>(
      await api.call(admin, 'invites.create', { role: 'department', departmentId: 'dp_chuangcheng' }, rid()),
    )
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api.call(`wx-racer-${i}`, 'invites.redeem', { code: invite.code }, rid())),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true)
  })

  test('an expired invite is refused with a clear message; a revoked one too', async () => {
    const a = dataOf<{ code: string }>(
      await api.call(admin, 'invites.create', { role: 'grid_worker', gridIds: ['gd_nz_03'], expiresInDays: 1 }, rid()),
    )
    api.clock.advance(25 * 3600 * 1000)
    expect(await api.call('wx-late', 'invites.redeem', { code: a.code }, rid())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '邀请码已过期，请联系管理员重新发放' },
    })
    const b = dataOf<{ id: string; code: string }>(
      await api.call(admin, 'invites.create', { role: 'grid_worker', gridIds: ['gd_nz_03'] }, rid()),
    )
    expect(dataOf<{ state: string }>(await api.call(admin, 'invites.revoke', { id: b.id }, rid())).state).toBe(
      'revoked',
    )
    expect(await api.call('wx-late', 'invites.redeem', { code: b.code }, rid())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '邀请码已被撤销，请联系管理员' },
    })
    expect(dataOf<{ roles: { role: string }[] }>(await api.call('wx-late', 'me.get')).roles).toEqual([
      { role: 'resident' },
    ])
  })

  test('revoking a worker removes the role and the grid forgets them', async () => {
    const target = userIdFor('seed:worker:2')
    expect(dataOf(await api.call(admin, 'roles.revoke', { userId: target, role: 'grid_worker' }, rid()))).toEqual({
      userId: target,
      roles: ['resident'],
    })
    expect(dataOf<{ workers: unknown[] }>(await api.call(admin, 'grids.get', { gridId: 'gd_nz_03' })).workers).toEqual(
      [],
    )
  })

  test('invalid polygons and a reused grid code are refused with the field', async () => {
    const bowtie = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]]
    expect(
      await api.call(
        admin,
        'grids.create',
        { communityId: 'cm_anju', name: '坏网格', code: 'AJ-06', polygon: bowtie },
        rid(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'polygon' }] } })
    expect(
      await api.call(
        admin,
        'grids.create',
        { communityId: 'cm_anju', name: '重复', code: 'AJ-01', polygon: SQUARE },
        rid(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      await api.call(
        admin,
        'grids.create',
        { communityId: 'cm_anju', name: '两点', code: 'AJ-07', polygon: SQUARE.slice(0, 2) },
        rid(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'polygon' }] } })
  })

  test('an archived grid keeps its history but refuses new members', async () => {
    const code = await codeOf('gd_xz_04')
    const count = dataOf<{ memberCount: number }>(
      await api.call(admin, 'grids.get', { gridId: 'gd_xz_04' }),
    ).memberCount
    dataOf(await api.call(admin, 'grids.archive', { gridId: 'gd_xz_04', archived: true }, rid()))
    expect(await api.call('wx-z', 'grids.join', { code, building: '1', unit: '1', room: '1' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '该网格已停用，请联系社区' },
    })
    expect(
      dataOf<{ memberCount: number; archived: boolean }>(await api.call(admin, 'grids.get', { gridId: 'gd_xz_04' })),
    ).toMatchObject({ archived: true, memberCount: count })
  })
})

describe('resident records, offline residents and building heads', () => {
  test('the worker finds the owner of a found ID card by name, sees the phone, and the look-up is audited', async () => {
    const found = dataOf<{ items: unknown[] }>(
      await api.call(worker, 'grids.members', { gridId: 'gd_nz_01', q: '赵秀兰' }),
    )
    expect(found.items).toEqual([
      {
        id: 'mb_seed_0_0',
        userId: null,
        name: '赵秀兰',
        phone: '13005370000',
        building: '1',
        unit: '1',
        room: '101',
        offline: false,
        isBuildingHead: false,
        joinedAt: T0,
      },
    ])
    expect(await auditOf(admin)).toEqual([
      {
        at: T0,
        actorName: '刘晓燕',
        action: 'records.lookup',
        targetType: 'grid',
        targetId: 'gd_nz_01',
        detail: '查询住户“赵秀兰”，1 条结果',
      },
    ])
  })

  test('a worker of grid A cannot read grid B’s records', async () => {
    expect(await api.call(worker, 'grids.members', { gridId: 'gd_xz_01' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  test('an offline resident registered for 代办 appears in the records, once even on retry', async () => {
    const req = rid()
    for (let i = 0; i < 2; i++)
      dataOf(
        await api.call(
          worker,
          'grids.registerOffline',
          { gridId: 'gd_nz_01', name: '王奶奶', building: '7', unit: '1', room: '102' },
          req,
        ),
      )
    const found = dataOf<{ items: { id: string }[] }>(
      await api.call(worker, 'grids.members', { gridId: 'gd_nz_01', q: '王奶奶' }),
    )
    expect(found.items.map(({ id: _id, ...member }) => member)).toEqual([
      {
        userId: null,
        name: '王奶奶',
        phone: null,
        building: '7',
        unit: '1',
        room: '102',
        offline: true,
        isBuildingHead: false,
        joinedAt: T0,
      },
    ])
  })

  test('a worker appoints a member as 楼长; a non-member cannot be appointed', async () => {
    const resident = userIdFor(demoOpenId('resident'))
    const home = dataOf<{ buildingHeads: { id: string; nickname: string; phoneMasked: string }[] }>(
      await api.call(
        worker,
        'grids.appointBuildingHead',
        { gridId: 'gd_nz_01', userId: resident, appoint: true },
        rid(),
      ),
    )
    expect(home.buildingHeads).toEqual([
      { id: userIdFor(demoOpenId('building_head')), nickname: '王建国', phoneMasked: '136****3456' },
      { id: resident, nickname: '张桂英', phoneMasked: '138****1234' },
    ])
    expect(
      dataOf<{ roles: { role: string }[] }>(await api.call(demoOpenId('resident'), 'me.get')).roles,
    ).toContainEqual({ role: 'building_head', gridIds: ['gd_nz_01'] })
    expect(
      await api.call(
        worker,
        'grids.appointBuildingHead',
        { gridId: 'gd_nz_01', userId: userIdFor(demoOpenId('rider')), appoint: true },
        rid(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('departments 入格', () => {
  test('a department enters a grid and shows on its 首页', async () => {
    expect(
      dataOf(
        await api.call(
          admin,
          'departments.enterGrids',
          { departmentId: 'dp_xiaofang', gridIds: ['gd_nz_01', 'gd_nz_02'], enter: true },
          rid(),
        ),
      ),
    ).toEqual({ changed: 2 })
    const home = dataOf<{ departments: { name: string }[] }>(
      await api.call(demoOpenId('resident'), 'grids.get', { gridId: 'gd_nz_01' }),
    )
    expect(home.departments.map((d) => d.name)).toEqual(['警务', '医保', '人社', '创城', '住建', '城管', '消防'])
    const list = dataOf<{ items: { name: string; gridIds: string[] }[] }>(
      await api.call(demoOpenId('resident'), 'departments.list', {}),
    )
    expect(list.items.find((d) => d.name === '消防')?.gridIds.sort()).toEqual(['gd_nz_01', 'gd_nz_02'])
  })

  test('a duplicate department name is a CONFLICT', async () => {
    expect(await api.call(admin, 'departments.create', { name: '警务', field: '治安' }, rid())).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })
})

describe('calling the grid worker', () => {
  test('a member gets the real number only by asking, and the call is audited; a non-member is refused', async () => {
    const workerId = userIdFor(worker)
    expect(
      dataOf(await api.call(demoOpenId('resident'), 'grids.callWorker', { gridId: 'gd_nz_01', workerId })),
    ).toEqual({ phone: '13905376789' })
    expect(await api.call(demoOpenId('rider'), 'grids.callWorker', { gridId: 'gd_nz_01', workerId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await auditOf(admin)).toEqual([
      {
        at: T0,
        actorName: '张桂英',
        action: 'contact.call',
        targetType: 'user',
        targetId: workerId,
        detail: '拨打网格员 刘晓燕 的电话',
      },
    ])
  })
})

test('the grid 首页 lists the departments in the grid with a masked desk phone', async () => {
  const home = dataOf<{ departments: { name: string; phoneMasked: string | null }[] }>(
    await api.call(demoOpenId('resident'), 'grids.get', { gridId: 'gd_nz_01' }),
  )
  // Desk phones 0537-23456nn: the first two and last two digits stay.
  expect(home.departments.map((d) => [d.name, d.phoneMasked])).toEqual([
    ['警务', '05********14'],
    ['医保', '05********35'],
    ['人社', '05********28'],
    ['创城', '05********21'],
    ['住建', '05********42'],
    ['城管', '05********07'],
  ])
  expect(JSON.stringify(home.departments)).not.toMatch(/0537-23\d{5}/)
})
