/**
 * The demo street 南张街道, seeded from the stories in DOMAIN.md. Idempotent: every document has a
 * fixed id and is inserted only when missing, so a second `npm start` keeps what users changed.
 */
import type { Store, StoredDoc } from '../../cloudfunctions/api/store/port'
import { StoreConflictError } from '../../cloudfunctions/api/store/port'
import type { CollectionName } from '../../cloudfunctions/api/store/schema'
import { userIdFor } from '../../cloudfunctions/api/users'
import type { RoleGrant } from '../../types'
import { cellPolygon } from './geometry'
import { categoryDocs, demoOrders } from './orders'
import { newJoinCode } from '../../cloudfunctions/api/modules/grids/codes'

export const STREET_ID = 'st_nanzhang'
const COMMUNITIES = [
  { id: 'cm_nanzhang', name: '南张社区', code: 'NZ' },
  { id: 'cm_anju', name: '安居社区', code: 'AJ' },
  { id: 'cm_xinzha', name: '辛闸社区', code: 'XZ' },
] as const
const GRIDS_PER_COMMUNITY = 4
const ORDINALS = ['一', '二', '三', '四', '五', '六']
const WORKER_NAMES = [
  '刘晓燕',
  '陈立华',
  '杨秀梅',
  '黄志强',
  '吴海燕',
  '徐建军',
  '马丽娟',
  '朱文斌',
  '胡春霞',
  '郭永刚',
  '何淑芬',
]

export const DEPARTMENTS = [
  ['dp_zongzhi', '综治'],
  ['dp_chengguan', '城管'],
  ['dp_police', '警务'],
  ['dp_chuangcheng', '创城'],
  ['dp_renshe', '人社'],
  ['dp_yibao', '医保'],
  ['dp_zhujian', '住建'],
  ['dp_xiaofang', '消防'],
  ['dp_reli', '热力'],
  ['dp_gongdian', '供电'],
  ['dp_lawyer', '律师'],
  ['dp_volunteer', '志愿者'],
] as const

export const gridId = (community: number, n: number) =>
  `gd_${COMMUNITIES[community]?.code.toLowerCase()}_${String(n + 1).padStart(2, '0')}`

export interface DemoPerson {
  key: string
  name: string
  roleLabel: string
  phone: string
  homeGridId: string | null
  roles: RoleGrant[]
}

/** The people on the local login picker; openIds are `demo:<key>`. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'resident',
    name: '张桂英',
    roleLabel: '居民',
    phone: '13805371234',
    homeGridId: gridId(0, 0),
    roles: [{ role: 'resident' }],
  },
  {
    key: 'rider',
    name: '李师傅',
    roleLabel: '骑手',
    phone: '13705372345',
    homeGridId: null,
    roles: [{ role: 'resident' }, { role: 'rider' }],
  },
  {
    key: 'building_head',
    name: '王建国',
    roleLabel: '楼长',
    phone: '13605373456',
    homeGridId: gridId(0, 0),
    roles: [{ role: 'resident' }, { role: 'building_head', gridIds: [gridId(0, 0)] }],
  },
  {
    key: 'grid_worker',
    name: WORKER_NAMES[0] ?? '网格员',
    roleLabel: '网格员',
    phone: '13905376789',
    homeGridId: gridId(0, 0),
    roles: [{ role: 'resident' }, { role: 'grid_worker', gridIds: [gridId(0, 0), gridId(0, 1)] }],
  },
  {
    key: 'department',
    name: '赵警官',
    roleLabel: '部门（警务）',
    phone: '13505374567',
    homeGridId: null,
    roles: [{ role: 'resident' }, { role: 'department', departmentId: 'dp_police' }],
  },
  {
    key: 'civic_officer',
    name: '钱干事',
    roleLabel: '部门（创城）',
    phone: '13205371357',
    homeGridId: null,
    roles: [{ role: 'resident' }, { role: 'department', departmentId: 'dp_chuangcheng' }],
  },
  {
    key: 'community_admin',
    name: '孙主任',
    roleLabel: '社区管理员',
    phone: '13405375678',
    homeGridId: gridId(0, 0),
    roles: [{ role: 'resident' }, { role: 'community_admin', communityId: 'cm_nanzhang' }],
  },
  {
    key: 'street_admin',
    name: '周书记',
    roleLabel: '街道管理员',
    phone: '13305376780',
    homeGridId: null,
    roles: [{ role: 'resident' }, { role: 'street_admin', streetId: STREET_ID }],
  },
]

export const demoOpenId = (key: string) => `demo:${key}`

const GRID_ONE_DEPARTMENTS = ['dp_police', 'dp_yibao', 'dp_renshe', 'dp_chuangcheng', 'dp_zhujian', 'dp_chengguan']
const RESIDENT_NAMES = ['赵秀兰', '钱国强', '孙丽华', '李玉珍', '周建华', '吴桂芝']

function membership(
  id: string,
  gridId: string,
  userId: string | null,
  name: string,
  phone: string | null,
  building: string,
  unit: string,
  room: string,
  offline: boolean,
  joinedAt: number,
): StoredDoc {
  return {
    _id: id,
    gridId,
    userId,
    name,
    phone: userId ? null : phone,
    building,
    unit,
    room,
    active: true,
    offline: userId ? false : offline,
    joinedAt,
    leftAt: null,
    version: 0,
  }
}

async function insertMissing(store: Store, collection: CollectionName, doc: StoredDoc): Promise<boolean> {
  try {
    await store.insert(collection, doc)
    return true
  } catch (err) {
    if (err instanceof StoreConflictError) return false
    throw err
  }
}

function userDoc(
  openId: string,
  name: string,
  phone: string,
  homeGridId: string | null,
  roles: RoleGrant[],
  now: number,
): StoredDoc {
  return {
    _id: userIdFor(openId),
    openId,
    nickname: name,
    realName: name,
    avatarFileId: null,
    phone,
    roles,
    homeGridId,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
}

export async function seedDemo(store: Store, now: number): Promise<{ inserted: number }> {
  let inserted = 0
  const add = async (c: CollectionName, doc: StoredDoc) => {
    if (await insertMissing(store, c, doc)) inserted++
  }
  await add('streets', { _id: STREET_ID, name: '南张街道', district: '济宁市任城区', version: 0 })
  for (const [i, [id, name]] of DEPARTMENTS.entries())
    await add('departments', {
      _id: id,
      streetId: STREET_ID,
      name,
      field: name,
      contactPhone: `0537-23${String(45600 + i * 7).padStart(5, '0')}`,
      version: 0,
    })
  const rows = COMMUNITIES.length
  for (const [c, community] of COMMUNITIES.entries()) {
    await add('communities', { _id: community.id, streetId: STREET_ID, name: community.name, version: 0 })
    for (let n = 0; n < GRIDS_PER_COMMUNITY; n++) {
      const index = c * GRIDS_PER_COMMUNITY + n
      const chief = c === 0 && n < 2 ? demoOpenId('grid_worker') : `seed:worker:${index}`
      if (!chief.startsWith('demo:')) {
        const name = WORKER_NAMES[index % WORKER_NAMES.length] ?? '网格员'
        await add(
          'users',
          userDoc(
            chief,
            name,
            `139053${String(70000 + index * 111).slice(0, 5)}`,
            gridId(c, n),
            [{ role: 'resident' }, { role: 'grid_worker', gridIds: [gridId(c, n)] }],
            now,
          ),
        )
      }
      const id = gridId(c, n)
      const joinCode = newJoinCode()
      if (
        await insertMissing(store, 'grids', {
          _id: id,
          streetId: STREET_ID,
          communityId: community.id,
          name: `${community.name}第${ORDINALS[n] ?? n + 1}网格`,
          code: `${community.code}-${String(n + 1).padStart(2, '0')}`,
          polygon: cellPolygon(c, n, rows, GRIDS_PER_COMMUNITY),
          workerIds: [userIdFor(chief)],
          archived: false,
          notes: '',
          departmentIds: index === 0 ? GRID_ONE_DEPARTMENTS : ['dp_police', 'dp_chengguan'],
          buildingHeadIds: index === 0 ? [userIdFor(demoOpenId('building_head'))] : [],
          joinCode,
          createdAt: now,
          version: 0,
        })
      ) {
        inserted++
        await add('joincodes', { _id: joinCode, gridId: id, active: true, createdAt: now, rotatedAt: null, version: 0 })
      }
      for (const [r, name] of RESIDENT_NAMES.slice(0, 3 + (index % 3)).entries()) {
        await add(
          'memberships',
          membership(
            `mb_seed_${index}_${r}`,
            id,
            null,
            name,
            `1${3 + (r % 6)}${String(5370000 + index * 1000 + r * 37).padStart(9, '0')}`,
            String(r + 1),
            String((r % 3) + 1),
            `${r + 1}0${(r % 4) + 1}`,
            r % 2 === 1,
            now - r * 86_400_000,
          ),
        )
      }
    }
  }
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const uid = userIdFor(demoOpenId(p.key))
    await add('users', userDoc(demoOpenId(p.key), p.name, p.phone, p.homeGridId, p.roles, now))
    if (p.homeGridId)
      await add(
        'memberships',
        membership(`mb_demo_${p.key}`, p.homeGridId, uid, p.name, null, '3', '2', `${i + 1}01`, false, now),
      )
  }
  for (const c of categoryDocs(STREET_ID)) await add('categories', c)
  for (const { order, note } of demoOrders(STREET_ID, now)) {
    if (await insertMissing(store, 'orders', order)) {
      inserted++
      await add('timeline', {
        _id: `${order._id}_t0`,
        orderId: order._id,
        at: order.createdAt,
        seq: 0,
        actorId: order.reporterId,
        actorLabel: '上报人',
        type: 'submitted',
        note: `${order.text}（${note}）`,
        photos: [],
        staffOnly: false,
        version: 0,
      })
    }
  }
  await add('messages', {
    _id: 'msg_seed_welcome',
    userId: userIdFor(demoOpenId('resident')),
    title: '欢迎加入南张社区第一网格',
    body: '网格员刘晓燕已入格，有事可在网格里提问或随手拍上报。',
    link: null,
    read: false,
    createdAt: now,
    version: 0,
  })
  return { inserted }
}
