/**
 * Demo credit data (story 7): each street's earning rules, its 兑换点, the market's items (two park
 * tickets, a rider's charging voucher), a volunteer activity, and 张桂英's first points. The ledger
 * entries and her account agree, as every account must (npm run check:ledger).
 */
import type { StoredDoc } from '../../cloudfunctions/api/store/port'
import type {
  AccountDoc,
  ActivityDoc,
  CreditEvent,
  CreditRuleDoc,
  ExchangePointDoc,
  LedgerDoc,
  MarketItemDoc,
} from '../../types'
import { userIdFor } from '../../cloudfunctions/api/users'
import { accountId, earnId, endOfNextYear, monthOf, ruleId } from '../../cloudfunctions/api/modules/credit/ledger'
import { demoOpenId, STREET_2_ID, STREET_ID } from './people'

const DAY = 24 * 60 * 60 * 1000

/** Points, daily cap and expiry per event: the same in both streets until their admins change them. */
const RULES: [CreditEvent, number, number, CreditRuleDoc['expiry']][] = [
  ['report_valid', 20, 60, 'end_of_next_year'],
  ['report_rated', 5, 20, 'end_of_next_year'],
  ['lost_returned', 50, 100, 'end_of_next_year'],
  ['volunteer_hour', 10, 80, 'end_of_next_year'],
  ['rider_pledge', 30, 30, 'never'],
  ['grid_joined', 10, 10, 'never'],
]

export const creditRules = (): CreditRuleDoc[] =>
  [STREET_ID, STREET_2_ID].flatMap((streetId) =>
    RULES.map(([event, points, dailyCap, expiry]) => ({
      _id: ruleId(streetId, event),
      streetId,
      event,
      points,
      dailyCap,
      expiry,
      active: true,
      version: 0,
    })),
  )

export const EXCHANGE_POINTS: ExchangePointDoc[] = [
  {
    _id: 'ex_nz_center',
    streetId: STREET_ID,
    communityId: null,
    name: '南张街道便民服务中心兑换点',
    address: '南张街道便民服务中心一楼大厅',
    version: 0,
  },
  {
    _id: 'ex_gh_center',
    streetId: STREET_2_ID,
    communityId: null,
    name: '古槐街道党群服务中心兑换点',
    address: '古槐街道党群服务中心二楼',
    version: 0,
  },
]

export function marketItems(now: number): MarketItemDoc[] {
  const item = (
    id: string,
    streetId: string,
    point: string,
    name: string,
    description: string,
    price: number,
    stock: number,
  ) => ({
    _id: id,
    streetId,
    communityId: null,
    exchangePointId: point,
    name,
    description,
    price,
    stock,
    issued: 0,
    perPersonLimit: 1,
    validUntil: now + 90 * DAY,
    active: true,
    createdAt: now - DAY,
    version: 0,
  })
  return [
    item('mi_nz_park', STREET_ID, 'ex_nz_center', '南池公园门票（两张）', '凭兑换码到兑换点领取纸质门票两张', 20, 10),
    item('mi_nz_charge', STREET_ID, 'ex_nz_center', '骑手充电券（一次）', '红帆驿站充电桩免费充电一次', 10, 30),
    item('mi_nz_soap', STREET_ID, 'ex_nz_center', '洗衣液一瓶', '生活用品，兑换点现场领取', 30, 20),
    item('mi_gh_park', STREET_2_ID, 'ex_gh_center', '太白湖公园门票（两张）', '凭兑换码到兑换点领取', 20, 10),
  ]
}

export function activities(now: number): ActivityDoc[] {
  const start = now + 2 * DAY
  return [
    {
      _id: 'act_demo_clean',
      streetId: STREET_ID,
      communityId: 'cm_nanzhang',
      gridId: null,
      title: '周末社区环境清洁',
      description: '清理楼道小广告和绿化带垃圾，工具由社区提供。',
      place: '南张社区居委会门口集合',
      startsAt: start,
      endsAt: start + 3 * 60 * 60 * 1000,
      capacity: 20,
      signedUp: 0,
      createdBy: userIdFor(demoOpenId('community_admin')),
      cancelled: false,
      createdAt: now - DAY,
      version: 0,
    },
  ]
}

/** 张桂英's first points: joining her grid and a report the worker accepted. */
export function residentLedger(now: number): { entries: LedgerDoc[]; account: AccountDoc; stats: StoredDoc[] } {
  const userId = userIdFor(demoOpenId('resident'))
  const base = {
    userId,
    kind: 'earn' as const,
    link: null,
    streetId: STREET_ID,
    gridId: 'gd_nz_01',
    byId: null,
    version: 0,
  }
  const joinedAt = now - 20 * DAY
  const acceptedAt = now - 5 * DAY
  const entries: LedgerDoc[] = [
    {
      ...base,
      _id: earnId('grid_joined', 'user', userId, userId),
      points: 10,
      event: 'grid_joined',
      subjectType: 'user',
      subjectId: userId,
      reason: '加入南张社区第一网格',
      at: joinedAt,
      month: monthOf(joinedAt),
      expiresAt: null,
    },
    {
      ...base,
      _id: earnId('report_valid', 'order', 'od_demo_pension', userId),
      points: 20,
      event: 'report_valid',
      subjectType: 'order',
      subjectId: 'od_demo_pension',
      reason: '随手拍被受理',
      link: '/packages/orders/pages/detail/index?id=od_demo_pension',
      at: acceptedAt,
      month: monthOf(acceptedAt),
      expiresAt: endOfNextYear(acceptedAt),
    },
  ]
  const account: AccountDoc = {
    _id: accountId(userId),
    userId,
    balance: 30,
    earned: 30,
    spent: 0,
    expired: 0,
    streetId: STREET_ID,
    gridId: 'gd_nz_01',
    rankHidden: false,
    version: 0,
  }
  const months = [...new Set(entries.map((e) => e.month))]
  const stats = months.map((month) => ({
    _id: `cs_${STREET_ID}_gd_nz_01_${month}`,
    streetId: STREET_ID,
    gridId: 'gd_nz_01',
    month,
    issued: entries.filter((e) => e.month === month).reduce((n, e) => n + e.points, 0),
    redeemed: 0,
    expired: 0,
    version: 0,
  }))
  return { entries, account, stats }
}
