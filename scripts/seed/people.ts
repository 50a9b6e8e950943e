/** The demo people on the local login picker, one of every role in both streets; openIds are `demo:<key>`. */
import type { RoleGrant } from '../../types'

export const STREET_ID = 'st_nanzhang'
export const STREET_2_ID = 'st_guhuai'

/** 南张街道's grid ids: community index and grid index, e.g. gridId(0, 0) = gd_nz_01. */
export const gridId = (community: number, n: number) =>
  `gd_${['nz', 'aj', 'xz'][community]}_${String(n + 1).padStart(2, '0')}`

export interface DemoPerson {
  key: string
  name: string
  roleLabel: string
  phone: string
  homeGridId: string | null
  roles: RoleGrant[]
}

const resident: RoleGrant = { role: 'resident' }

/** The people on the local login picker; openIds are `demo:<key>`. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'resident',
    name: '张桂英',
    roleLabel: '居民',
    phone: '13805371234',
    homeGridId: gridId(0, 0),
    roles: [resident],
  },
  {
    key: 'rider',
    name: '李师傅',
    roleLabel: '骑手',
    phone: '13705372345',
    homeGridId: null,
    roles: [resident, { role: 'rider' }],
  },
  {
    key: 'building_head',
    name: '王建国',
    roleLabel: '楼长',
    phone: '13605373456',
    homeGridId: gridId(0, 0),
    roles: [resident, { role: 'building_head', gridIds: [gridId(0, 0)] }],
  },
  {
    key: 'grid_worker',
    name: '刘晓燕',
    roleLabel: '网格员',
    phone: '13905376789',
    homeGridId: gridId(0, 0),
    roles: [resident, { role: 'grid_worker', gridIds: [gridId(0, 0), gridId(0, 1)] }],
  },
  {
    key: 'department',
    name: '赵警官',
    roleLabel: '部门（警务）',
    phone: '13505374567',
    homeGridId: null,
    roles: [resident, { role: 'department', departmentId: 'dp_police' }],
  },
  {
    key: 'civic_officer',
    name: '钱干事',
    roleLabel: '部门（创城）',
    phone: '13205371357',
    homeGridId: null,
    roles: [resident, { role: 'department', departmentId: 'dp_chuangcheng' }],
  },
  {
    key: 'yibao_officer',
    name: '马红霞',
    roleLabel: '部门（医保）',
    phone: '13205372468',
    homeGridId: null,
    roles: [resident, { role: 'department', departmentId: 'dp_yibao' }],
  },
  {
    key: 'community_admin',
    name: '孙主任',
    roleLabel: '社区管理员',
    phone: '13405375678',
    homeGridId: gridId(0, 0),
    roles: [resident, { role: 'community_admin', communityId: 'cm_nanzhang' }],
  },
  {
    key: 'street_admin',
    name: '周书记',
    roleLabel: '街道管理员',
    phone: '13305376780',
    homeGridId: null,
    roles: [resident, { role: 'street_admin', streetId: STREET_ID }],
  },
  {
    key: 'gh_resident',
    name: '卫秀珍',
    roleLabel: '居民（古槐街道）',
    phone: '13905371111',
    homeGridId: 'gd_gh_01',
    roles: [resident],
  },
  {
    key: 'gh_grid_worker',
    name: '韩丽',
    roleLabel: '网格员（古槐街道）',
    phone: '13905372222',
    homeGridId: 'gd_gh_01',
    roles: [resident, { role: 'grid_worker', gridIds: ['gd_gh_01'] }],
  },
  {
    key: 'gh_community_admin',
    name: '冯主任',
    roleLabel: '社区管理员（古槐社区）',
    phone: '13905373333',
    homeGridId: null,
    roles: [resident, { role: 'community_admin', communityId: 'cm_guhuai' }],
  },
  {
    key: 'gh_street_admin',
    name: '郑书记',
    roleLabel: '街道管理员（古槐街道）',
    phone: '13905374444',
    homeGridId: null,
    roles: [resident, { role: 'street_admin', streetId: STREET_2_ID }],
  },
  {
    key: 'counter',
    name: '吴红梅',
    roleLabel: '兑换点工作人员',
    phone: '13905375555',
    homeGridId: null,
    roles: [resident, { role: 'counter_staff', exchangePointId: 'ex_nz_center' }],
  },
]

export const demoOpenId = (key: string) => `demo:${key}`
