import type { Role } from '../contract'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  rider: '骑手',
  building_head: '楼长',
  grid_worker: '网格员',
  department: '部门',
  community_admin: '社区管理员',
  street_admin: '街道管理员',
}
