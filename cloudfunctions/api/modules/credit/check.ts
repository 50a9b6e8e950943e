/**
 * The ledger check (npm run check:ledger, and the tests): for every account, the sum of its entries is its
 * balance and the balance is never negative; for every market item, its stock is not negative and the
 * vouchers issued for it are exactly those it counts. Reads only; reports every disagreement it finds.
 */
import { AccountDocSchema, MarketItemDocSchema } from '../../../../types'
import type { Store } from '../../store/port'

export interface LedgerCheck {
  accounts: number
  entries: number
  items: number
  vouchers: number
  problems: string[]
}

async function each(
  store: Store,
  collection: 'accounts' | 'ledger' | 'marketitems' | 'vouchers' | 'streets',
  where: Record<string, string>,
  field: string,
  visit: (doc: Record<string, unknown>) => void,
) {
  let cursor: string | null = null
  do {
    const page = await store.find(collection, { where, orderBy: { field, direction: 'asc' }, limit: 100, cursor })
    page.items.forEach(visit)
    cursor = page.nextCursor
  } while (cursor)
}

export async function checkLedger(store: Store): Promise<LedgerCheck> {
  const result: LedgerCheck = { accounts: 0, entries: 0, items: 0, vouchers: 0, problems: [] }
  const accounts: ReturnType<typeof AccountDocSchema.parse>[] = []
  await each(store, 'accounts', {}, 'userId', (raw) => accounts.push(AccountDocSchema.parse(raw)))
  for (const account of accounts) {
    result.accounts++
    let sum = 0
    await each(store, 'ledger', { userId: account.userId }, 'at', (raw) => {
      sum += Number(raw.points)
      result.entries++
    })
    if (sum !== account.balance)
      result.problems.push(`账户 ${account.userId}：明细合计 ${sum}，余额 ${account.balance}`)
    if (account.balance < 0) result.problems.push(`账户 ${account.userId}：余额为负 ${account.balance}`)
  }
  const streets: string[] = []
  await each(store, 'streets', {}, 'name', (raw) => streets.push(String(raw._id)))
  for (const streetId of streets) {
    const items: ReturnType<typeof MarketItemDocSchema.parse>[] = []
    await each(store, 'marketitems', { streetId }, 'active', (raw) => items.push(MarketItemDocSchema.parse(raw)))
    for (const item of items) {
      result.items++
      let vouchers = 0
      await each(store, 'vouchers', { itemId: item._id }, 'createdAt', () => void vouchers++)
      result.vouchers += vouchers
      if (item.stock < 0) result.problems.push(`物品 ${item.name}：库存为负 ${item.stock}`)
      if (vouchers !== item.issued)
        result.problems.push(`物品 ${item.name}：发出兑换券 ${vouchers} 张，记录为 ${item.issued} 张`)
    }
  }
  return result
}
