/**
 * `npm run check:ledger`: checks the embedded store in DATA_DIR (default ./data) — every account's entries
 * sum to its balance, no balance is negative, no item is oversold. Exits 1 when anything disagrees.
 */
import fs from 'node:fs'
import { createSqliteStore } from '../cloudfunctions/api/store/sqlite'
import { checkLedger } from '../cloudfunctions/api/modules/credit/check'
import { readConfig } from '../cloudfunctions/api/config'

async function main(): Promise<void> {
  const { dbFile: file } = readConfig(process.env)
  if (!fs.existsSync(file)) throw new Error(`没有找到数据库 ${file}（先运行 npm start，或设置 DATA_DIR）`)
  const store = createSqliteStore(file)
  const result = await checkLedger(store)
  await store.close()
  console.log(
    `积分核对：${result.accounts} 个账户，${result.entries} 条明细，${result.items} 个集市物品，${result.vouchers} 张兑换券`,
  )
  if (result.problems.length) {
    for (const p of result.problems) console.log(`  ✗ ${p}`)
    process.exit(1)
  }
  console.log('  ✓ 每个账户的明细合计等于余额，没有负余额，没有超兑')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
