/** `npm run reset`: deletes the local data directory (database, uploads, dev secret) after a prompt-free check. */
import fs from 'node:fs'
import { readConfig } from '../cloudfunctions/api/config'

const { DATA_DIR } = readConfig()
if (DATA_DIR === '/' || DATA_DIR === process.cwd()) {
  console.error(`拒绝删除 ${DATA_DIR}`)
  process.exit(1)
}
fs.rmSync(DATA_DIR, { recursive: true, force: true })
console.log(`已清空本地数据：${DATA_DIR}。下次 npm start 会重新写入演示数据。`)
