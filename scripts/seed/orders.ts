/** Demo categories (with deadlines) and a few work orders from the stories, so 待办 is not empty. */
import type { CategoryDoc, OrderDoc } from '../../types'
import { userIdFor } from '../../cloudfunctions/api/users'
import { addHours } from '../../cloudfunctions/api/modules/orders/deadlines'
import { FRESH_ORDER } from '../../cloudfunctions/api/modules/orders/fresh'
import { cellOf } from '../../cloudfunctions/api/modules/orders/nearby'

export const CATEGORIES: [string, string, number, number][] = [
  ['cat_safety', '平安建设', 2, 3],
  ['cat_civil', '文明城市创建', 4, 3],
  ['cat_hygiene', '环境卫生', 2, 2],
  ['cat_facility', '设施损坏', 4, 5],
  ['cat_traffic', '交通秩序（含僵尸车）', 4, 3],
  ['cat_fire', '消防隐患', 1, 1],
  ['cat_other', '其他', 8, 5],
]

/** A street's categories; a second street's ids carry its prefix (cat_gh_traffic). */
export function categoryDocs(streetId: string, prefix = ''): CategoryDoc[] {
  return CATEGORIES.map(([id, name, acceptHours, resolveWorkdays], i) => ({
    _id: id.replace(/^cat_/, `cat_${prefix}`),
    streetId,
    name,
    acceptHours,
    resolveWorkdays,
    active: true,
    sort: i + 1,
    version: 0,
  }))
}

function order(
  partial: Partial<OrderDoc> & Pick<OrderDoc, '_id' | 'no' | 'categoryId' | 'text' | 'reporterId' | 'createdAt'>,
  streetId: string,
): OrderDoc {
  return {
    source: 'demand',
    photos: [],
    location: null,
    address: '',
    streetId,
    communityId: 'cm_nanzhang',
    gridId: 'gd_nz_01',
    ...FRESH_ORDER,
    anonymous: false,
    onBehalfOf: null,
    state: 'dispatched',
    escalation: 'grid',
    dueAt: addHours(partial.createdAt, 4),
    acceptDeadline: addHours(partial.createdAt, 4),
    updatedAt: partial.createdAt,
    ...partial,
    filterKey: `${partial.categoryId}|${partial.source ?? 'demand'}`,
    cell: cellOf(partial.location),
  }
}

export function demoOrders(streetId: string, now: number): { order: OrderDoc; note: string }[] {
  const resident = userIdFor('demo:resident')
  const head = userIdFor('demo:building_head')
  return [
    {
      order: order(
        {
          _id: 'od_demo_roof',
          no: 'DEMO-000001',
          categoryId: 'cat_facility',
          text: '3号楼顶层漏水，老旧小区改造遗留问题，下雨天屋里滴水。',
          reporterId: head,
          createdAt: now - 3 * 3600_000,
          location: { lat: 35.4021, lng: 116.5806 },
          address: '南张社区3号楼',
        },
        streetId,
      ),
      note: '楼长在网格接待日反映',
    },
    {
      order: order(
        {
          _id: 'od_demo_pension',
          no: 'DEMO-000002',
          categoryId: 'cat_other',
          text: '想咨询一下外地养老保险怎么转到济宁来？',
          reporterId: resident,
          createdAt: now - 3600_000,
        },
        streetId,
      ),
      note: '居民在网格群提问',
    },
  ]
}

/** The second street's demo order: a street lamp out in 古槐社区第一网格, reported by its resident. */
export function guhuaiOrders(streetId: string, now: number): { order: OrderDoc; note: string }[] {
  return [
    {
      order: order(
        {
          _id: 'od_demo_gh_lamp',
          no: 'DEMO-000101',
          categoryId: 'cat_gh_facility',
          text: '5号楼前路灯坏了一周，晚上很黑，联系电话13905371111。',
          reporterId: userIdFor('demo:gh_resident'),
          createdAt: now - 2 * 3600_000,
          communityId: 'cm_guhuai',
          gridId: 'gd_gh_01',
          location: { lat: 35.4321, lng: 116.6221 },
          address: '古槐社区5号楼',
        },
        streetId,
      ),
      note: '居民随手拍',
    },
  ]
}
