/**
 * Excel exports of a month's ledger or redemptions, scoped to the admin: what a street office opens. The
 * workbook is built with exceljs (loaded only here: it is installed in the cloud, never bundled) and sent
 * back as a data URL the page downloads (H5) or writes to a file and opens (weapp).
 */
import {
  LEDGER_KIND_LABELS,
  LedgerDocSchema,
  VoucherDocSchema,
  type LedgerDoc,
  type UserDoc,
  type VoucherDoc,
} from '../../../../types'
import type { Deps } from '../../context'
import { adminScopeWhere, holds } from '../places/can'
import { loadGrid, loadUsers } from '../places/load'
import { gridPlace, scoped } from '../places/place'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CST = 8 * 60 * 60 * 1000
/** A month's bounds in China Standard Time. */
function monthRange(month: string): { from: number; to: number } {
  const from = Date.parse(`${month}-01T00:00:00+08:00`)
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${(y ?? 0) + 1}-01` : `${y}-${String((m ?? 0) + 1).padStart(2, '0')}`
  return { from, to: Date.parse(`${next}-01T00:00:00+08:00`) }
}
/** Excel shows dates in the workbook's local time: shift to China Standard Time so 9:00 reads 9:00. */
const excelDate = (at: number) => new Date(at + CST)

async function findAll<T>(
  deps: Deps,
  collection: 'ledger' | 'vouchers',
  where: Record<string, unknown>,
  field: string,
  parse: (raw: unknown) => T,
) {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.find(collection, {
      where: where as never,
      orderBy: { field, direction: collection === 'ledger' ? 'asc' : 'desc' },
      limit: 100,
      cursor,
    })
    out.push(...page.items.map(parse))
    cursor = page.nextCursor
  } while (cursor)
  return out
}

const ADMINS = ['community_admin', 'street_admin'] as const

async function streetsOf(deps: Deps, user: UserDoc): Promise<string[]> {
  const scope = adminScopeWhere(user)
  if ('streetId' in scope) return scope.streetId.in
  const communities = scope.communityId?.in ?? []
  const streets = await Promise.all(
    communities.map(async (id) => String((await deps.store.get('communities', id))?.streetId)),
  )
  return [...new Set(streets)]
}

export async function exportWorkbook(deps: Deps, user: UserDoc, what: 'ledger' | 'redemptions', month: string) {
  const { from, to } = monthRange(month)
  const streets = await streetsOf(deps, user)
  const grids = new Map<string, Awaited<ReturnType<typeof loadGrid>>>()
  const gridOf = async (id: string | null) => {
    if (!id) return null
    if (!grids.has(id)) grids.set(id, await loadGrid(deps, id))
    return grids.get(id) ?? null
  }
  const inScope = async (streetId: string | null, gridId: string | null, communityId: string | null = null) => {
    const grid = await gridOf(gridId)
    const place = grid ? gridPlace(grid) : scoped('street', streetId ?? '', { streetId, communityId })
    return holds(user, ADMINS, place)
  }
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = '网格通'
  let rows = 0
  if (what === 'ledger') {
    const entries: LedgerDoc[] = []
    for (const streetId of streets)
      entries.push(...(await findAll(deps, 'ledger', { streetId, month }, 'at', (raw) => LedgerDocSchema.parse(raw))))
    const people = new Map((await loadUsers(deps, [...new Set(entries.map((e) => e.userId))])).map((u) => [u._id, u]))
    const sheet = book.addWorksheet('积分明细', { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = [
      { header: '时间', key: 'at', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
      { header: '居民', key: 'name', width: 12 },
      { header: '网格', key: 'grid', width: 20 },
      { header: '类型', key: 'kind', width: 8 },
      { header: '积分', key: 'points', width: 8 },
      { header: '原因', key: 'reason', width: 40 },
      { header: '到期日', key: 'expires', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    ]
    for (const e of entries) {
      if (!(await inScope(e.streetId, e.gridId))) continue
      const person = people.get(e.userId)
      sheet.addRow({
        at: excelDate(e.at),
        name: person ? (person.realName ?? person.nickname) : '已注销用户',
        grid: (await gridOf(e.gridId))?.name ?? '',
        kind: LEDGER_KIND_LABELS[e.kind],
        points: e.points,
        reason: e.reason,
        expires: e.expiresAt ? excelDate(e.expiresAt - 1) : null,
      })
      rows++
    }
  } else {
    const vouchers: VoucherDoc[] = []
    for (const streetId of streets)
      vouchers.push(
        ...(await findAll(deps, 'vouchers', { streetId, createdAt: { gte: from, lt: to } }, 'createdAt', (raw) =>
          VoucherDocSchema.parse(raw),
        )),
      )
    const people = new Map((await loadUsers(deps, [...new Set(vouchers.map((v) => v.userId))])).map((u) => [u._id, u]))
    const names = new Map<string, string>()
    const nameOf = async (collection: 'marketitems' | 'exchangepoints', id: string) => {
      const key = `${collection}/${id}`
      if (!names.has(key)) names.set(key, String((await deps.store.get(collection, id))?.name ?? ''))
      return names.get(key) ?? ''
    }
    const sheet = book.addWorksheet('兑换记录', { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = [
      { header: '兑换时间', key: 'at', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
      { header: '居民', key: 'name', width: 12 },
      { header: '物品', key: 'item', width: 24 },
      { header: '积分', key: 'price', width: 8 },
      { header: '兑换点', key: 'point', width: 24 },
      { header: '状态', key: 'state', width: 8 },
      { header: '使用时间', key: 'usedAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    ]
    for (const v of vouchers.sort((a, b) => a.createdAt - b.createdAt)) {
      if (!(await inScope(v.streetId, null, v.communityId))) continue
      const person = people.get(v.userId)
      sheet.addRow({
        at: excelDate(v.createdAt),
        name: person ? (person.realName ?? person.nickname) : '已注销用户',
        item: await nameOf('marketitems', v.itemId),
        price: v.price,
        point: await nameOf('exchangepoints', v.exchangePointId),
        state: v.state === 'used' ? '已使用' : '待使用',
        usedAt: v.usedAt ? excelDate(v.usedAt) : null,
      })
      rows++
    }
  }
  sheet0Bold(book)
  const buffer = Buffer.from(await book.xlsx.writeBuffer())
  const fileName = `${what === 'ledger' ? '积分明细' : '兑换记录'}-${month}.xlsx`
  return { url: `data:${XLSX};base64,${buffer.toString('base64')}`, fileName, rows }
}

function sheet0Bold(book: { worksheets: { getRow(n: number): { font: unknown } }[] }) {
  for (const sheet of book.worksheets) sheet.getRow(1).font = { bold: true }
}
