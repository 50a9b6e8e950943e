/**
 * The demo: 南张街道 seeded from the stories in DOMAIN.md, and a second street, 古槐街道, so every
 * scope rule is tried across streets. Idempotent: every document has a fixed id and is inserted
 * only when missing, so a second `npm start` keeps what users changed.
 */
import type { Store, StoredDoc } from '../../cloudfunctions/api/store/port'
import { StoreConflictError } from '../../cloudfunctions/api/store/port'
import type { CollectionName } from '../../cloudfunctions/api/store/schema'
import { userIdFor } from '../../cloudfunctions/api/users'
import type { LatLng, RoleGrant } from '../../types'
import { cellPolygon, ORIGIN } from './geometry'
import { categoryDocs, demoOrders, guhuaiOrders } from './orders'
import { demoLostPosts } from './lostfound'
import { activities, creditRules, EXCHANGE_POINTS, marketItems, residentLedger } from './credit'
import { wordDocsOf } from '../../cloudfunctions/api/modules/lostfound/repo'
import { newJoinCode } from '../../cloudfunctions/api/codes'

import { DEMO_PEOPLE, demoOpenId, STREET_2_ID, STREET_ID } from './people'
import { demoFeedPosts, demoQuestions, feedDocsOf, questionWordDocs } from './feed'
import { landmarksOf } from './landmarks'

const resident: RoleGrant = { role: 'resident' }

export { DEMO_PEOPLE, demoOpenId, gridId, STREET_2_ID, STREET_ID, type DemoPerson } from './people'

interface StreetDef {
  id: string
  name: string
  /** Starts the street's order numbers. */
  code: string
  /** Prefix of the street's department and category ids ('' for the first street, 'gh_' for 古槐). */
  prefix: string
  origin: LatLng
  communities: readonly { id: string; name: string; code: string }[]
  gridsPerCommunity: number
  departments: readonly (readonly [string, string])[]
  /** The grid worker of the first grids: a demo person's openId, or a seeded worker. */
  chiefOf: (community: number, n: number, index: number) => string
}

const ORDINALS = ['一', '二', '三', '四', '五', '六']
/** Seeded grid workers, by the grid's ordinal (南张 0–11, then 古槐 12–17); demo people serve ordinals 0, 1 and 12. */
const WORKER_NAMES = [
  '（刘晓燕）',
  '（刘晓燕）',
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
  '（韩丽）',
  '罗振东',
  '梁晓红',
  '宋德明',
  '唐玉兰',
  '许国庆',
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

const NANZHANG: StreetDef = {
  id: STREET_ID,
  name: '南张街道',
  code: 'NZ',
  prefix: '',
  origin: ORIGIN,
  communities: [
    { id: 'cm_nanzhang', name: '南张社区', code: 'NZ' },
    { id: 'cm_anju', name: '安居社区', code: 'AJ' },
    { id: 'cm_xinzha', name: '辛闸社区', code: 'XZ' },
  ],
  gridsPerCommunity: 4,
  departments: DEPARTMENTS,
  chiefOf: (c, n, index) => (c === 0 && n < 2 ? demoOpenId('grid_worker') : `seed:worker:${index}`),
}

/** 古槐街道, about 3 km north-east of 南张: two communities of three grids, its own staff and departments. */
const GUHUAI: StreetDef = {
  id: STREET_2_ID,
  name: '古槐街道',
  code: 'GH',
  prefix: 'gh_',
  origin: { lat: 35.43, lng: 116.618 },
  communities: [
    { id: 'cm_guhuai', name: '古槐社区', code: 'GH' },
    { id: 'cm_huoju', name: '火炬社区', code: 'HJ' },
  ],
  gridsPerCommunity: 3,
  departments: [
    ['dp_gh_police', '警务'],
    ['dp_gh_chengguan', '城管'],
    ['dp_gh_chuangcheng', '创城'],
    ['dp_gh_zhujian', '住建'],
  ],
  chiefOf: (c, n, index) => (c === 0 && n === 0 ? demoOpenId('gh_grid_worker') : `seed:gh_worker:${index}`),
}

const gridIdIn = (street: StreetDef, community: number, n: number) =>
  `gd_${street.communities[community]?.code.toLowerCase()}_${String(n + 1).padStart(2, '0')}`

const GRID_ONE_DEPARTMENTS = ['dp_police', 'dp_yibao', 'dp_renshe', 'dp_chuangcheng', 'dp_zhujian', 'dp_chengguan']
/** The first grid's residents, whom the stories and tests name. */
const RESIDENT_NAMES = ['赵秀兰', '钱国强', '孙丽华', '李玉珍', '周建华']
const SURNAMES = [...'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏']
const GIVEN_NAMES = ['淑珍', '德福', '春梅', '海涛', '月娥', '振国', '翠花', '文华', '金凤', '长顺']
const GIVEN_MORE = ['美玲', '宝山', '凤英', '志明', '玉梅', '建设', '秀云', '永年', '桂兰', '庆丰']

/** A grid's place in the seed, across both streets (南张 first), so each grid draws its own names. */
const ordinalOf = (street: StreetDef, index: number) => (street === NANZHANG ? index : 12 + index)

/**
 * Every seeded name differs from every other (residents, workers and the demo people), so a story can be
 * followed by name: the first grid keeps its named residents; the others draw surname + given name pairs in turn.
 */
const NAME_POOL: string[] = (() => {
  const taken = new Set([...DEMO_PEOPLE.map((p) => p.name), ...WORKER_NAMES, ...RESIDENT_NAMES])
  const pool: string[] = []
  for (let k = 0; pool.length < 18 * 5; k++) {
    const given = [...GIVEN_NAMES, ...GIVEN_MORE]
    const name = `${SURNAMES[k % SURNAMES.length]}${given[(k * 7 + Math.floor(k / SURNAMES.length)) % given.length]}`
    if (taken.has(name)) continue
    pool.push(name)
    taken.add(name)
  }
  return pool
})()

function residentNames(ordinal: number, count: number): string[] {
  return ordinal === 0 ? RESIDENT_NAMES.slice(0, count) : NAME_POOL.slice((ordinal - 1) * 5, (ordinal - 1) * 5 + count)
}

function membership(
  id: string,
  gridId: string,
  userId: string | null,
  name: string,
  phone: string | null,
  address: [string, string, string],
  offline: boolean,
  joinedAt: number,
): StoredDoc {
  const [building, unit, room] = address
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
) {
  const id = userIdFor(openId)
  return {
    _id: id,
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

type Add = (c: CollectionName, doc: StoredDoc) => Promise<boolean>

/** One grid of a street: its worker, the grid with a join code, and a few residents (some offline). */
async function seedGrid(add: Add, street: StreetDef, c: number, n: number, now: number): Promise<void> {
  const community = street.communities[c]
  if (!community) return
  const index = c * street.gridsPerCommunity + n
  const id = gridIdIn(street, c, n)
  const chief = street.chiefOf(c, n, index)
  if (!chief.startsWith('demo:')) {
    const name = WORKER_NAMES[ordinalOf(street, index)] ?? '网格员'
    const phone = `139053${String(70000 + index * 111 + street.prefix.length * 7).slice(0, 5)}`
    await add('users', userDoc(chief, name, phone, id, [resident, { role: 'grid_worker', gridIds: [id] }], now))
  }
  const joinCode = newJoinCode()
  const first = street === NANZHANG && index === 0
  const departments =
    street === NANZHANG
      ? first
        ? GRID_ONE_DEPARTMENTS
        : ['dp_police', 'dp_chengguan']
      : street.departments.slice(0, 2).map(([d]) => d)
  const grid = {
    _id: id,
    streetId: street.id,
    communityId: community.id,
    name: `${community.name}第${ORDINALS[n] ?? n + 1}网格`,
    code: `${community.code}-${String(n + 1).padStart(2, '0')}`,
    polygon: cellPolygon(c, n, street.communities.length, street.gridsPerCommunity, street.origin),
    workerIds: [userIdFor(chief)],
    archived: false,
    notes: '',
    departmentIds: departments,
    buildingHeadIds: first ? [userIdFor(demoOpenId('building_head'))] : [],
    wxGroupKey: null,
    joinCode,
    createdAt: now,
    version: 0,
  }
  if (await add('grids', grid)) {
    await add('joincodes', { _id: joinCode, gridId: id, active: true, createdAt: now, rotatedAt: null, version: 0 })
    for (const landmark of landmarksOf(grid, ordinalOf(street, index), community.name.replace(/社区$/, '')))
      await add('landmarks', landmark)
  }
  const prefix = street === NANZHANG ? '' : street.prefix
  for (const [r, name] of residentNames(ordinalOf(street, index), 3 + (index % 3)).entries()) {
    const phone = `1${3 + (r % 6)}${String(5370000 + index * 1000 + r * 37 + prefix.length).padStart(9, '0')}`
    const address: [string, string, string] = [String(r + 1), String((r % 3) + 1), `${r + 1}0${(r % 4) + 1}`]
    await add(
      'memberships',
      membership(`mb_seed_${prefix}${index}_${r}`, id, null, name, phone, address, r % 2 === 1, now - r * 86_400_000),
    )
  }
}

async function seedStreet(add: Add, street: StreetDef, now: number): Promise<void> {
  await add('streets', { _id: street.id, name: street.name, district: '济宁市任城区', code: street.code, version: 0 })
  for (const [i, [id, name]] of street.departments.entries()) {
    const contactPhone = `0537-2${street.prefix ? '4' : '3'}${String(45600 + i * 7).padStart(5, '0')}`
    await add('departments', { _id: id, streetId: street.id, name, field: name, contactPhone, version: 0 })
  }
  for (const [c, community] of street.communities.entries()) {
    await add('communities', { _id: community.id, streetId: street.id, name: community.name, version: 0 })
    for (let n = 0; n < street.gridsPerCommunity; n++) await seedGrid(add, street, c, n, now)
  }
  for (const category of categoryDocs(street.id, street.prefix)) await add('categories', category)
}

async function seedOrders(
  add: Add,
  orders: { order: StoredDoc & { createdAt: number; reporterId: string; text: string }; note: string }[],
) {
  for (const { order, note } of orders) {
    if (!(await add('orders', order))) continue
    const entry = {
      _id: `${order._id}_t0`,
      orderId: order._id,
      at: order.createdAt,
      seq: 0,
      actorId: order.reporterId,
      actorLabel: '上报人',
    }
    await add('timeline', {
      ...entry,
      type: 'submitted',
      note: `${order.text}（${note}）`,
      photos: [],
      staffOnly: false,
      version: 0,
    })
  }
}

export async function seedDemo(store: Store, now: number): Promise<{ inserted: number }> {
  let inserted = 0
  const add: Add = async (c, doc) => {
    const fresh = await insertMissing(store, c, doc)
    if (fresh) inserted++
    return fresh
  }
  for (const street of [NANZHANG, GUHUAI]) await seedStreet(add, street, now)
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const uid = userIdFor(demoOpenId(p.key))
    await add('users', userDoc(demoOpenId(p.key), p.name, p.phone, p.homeGridId, p.roles, now))
    if (p.homeGridId)
      await add(
        'memberships',
        membership(`mb_demo_${p.key}`, p.homeGridId, uid, p.name, null, ['3', '2', `${i + 1}01`], false, now),
      )
  }
  await seedOrders(add, [...demoOrders(STREET_ID, now), ...guhuaiOrders(STREET_2_ID, now)])
  for (const post of demoLostPosts(now)) {
    if (!(await add('lostposts', post))) continue
    for (const word of wordDocsOf(post)) await add('lostwords', word)
  }
  for (const rule of creditRules()) await add('creditrules', rule)
  for (const point of EXCHANGE_POINTS) await add('exchangepoints', point)
  for (const item of marketItems(now)) await add('marketitems', item)
  for (const activity of activities(now)) await add('activities', activity)
  const points = residentLedger(now)
  if (await add('accounts', points.account)) {
    for (const entry of points.entries) await add('ledger', entry)
    for (const stat of points.stats) await add('creditstats', stat)
  }
  for (const p of demoFeedPosts(now)) {
    if (!(await add('feedposts', p))) continue
    for (const { collection, doc } of feedDocsOf(p)) await add(collection, doc)
  }
  for (const q of demoQuestions(now)) {
    if (!(await add('questions', q))) continue
    for (const word of questionWordDocs(q)) await add('feedwords', word)
  }
  await add('messages', {
    _id: 'msg_seed_welcome',
    userId: userIdFor(demoOpenId('resident')),
    title: '欢迎加入南张社区第一网格',
    body: '网格员刘晓燕为您服务。身边的隐患可以随手拍，生活中的难事可以提诉求，办理进度会在这里通知您。',
    link: '/pages/index/index',
    read: false,
    createdAt: now,
    version: 0,
  })
  return { inserted }
}
