/** `npm start` (after the H5 build): local gateway on SQLite with the demo street. */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { createApi } from '../cloudfunctions/api/app'
import { readConfig } from '../cloudfunctions/api/config'
import { createLocalDeps } from '../cloudfunctions/api/compose'
import { createGateway } from './gateway/server'
import { createTokenSigner, loadSecret } from './gateway/tokens'
import { seedDemo } from './seed/demo'
import { offsetClock } from '../cloudfunctions/api/platform/clock-ids'

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  H5_DIST: z.string().default('dist/h5'),
  APP_MODE: z.enum(['local', 'production']).default('local'),
  TICK_MS: z.coerce.number().int().min(1000).default(60_000),
  SEED: z.enum(['0', '1']).default('1'),
  DEV_CLOCK: z.enum(['0', '1']).default('0'),
})

async function start(): Promise<void> {
  const env = EnvSchema.parse(process.env)
  const config = readConfig()
  const clock = offsetClock()
  const api = createApi(createLocalDeps(config, { clock }))
  if (env.SEED === '1') {
    const { inserted } = await seedDemo(api.deps.store, api.deps.clock.now())
    console.log(inserted > 0 ? `已写入演示数据 ${inserted} 条 (${config.dbFile})` : `沿用已有数据 (${config.dbFile})`)
  }
  const h5Dir = path.resolve(env.H5_DIST)
  const hasH5 = fs.existsSync(path.join(h5Dir, 'index.html'))
  if (!hasH5) console.warn(`未找到 H5 构建 (${h5Dir})：只提供 /api。先运行 npm run build:h5。`)
  const server = createGateway({
    api,
    tokens: createTokenSigner(loadSecret(config.DATA_DIR)),
    mode: env.APP_MODE,
    h5Dir: hasH5 ? h5Dir : null,
    uploadDir: config.uploadDir,
    devClock: env.DEV_CLOCK === '1' && env.APP_MODE === 'local' ? clock : null,
  })
  const ticker = setInterval(() => {
    api.tick().catch((err: unknown) => console.error('jobs tick failed', err))
  }, env.TICK_MS)
  ticker.unref()
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : env.PORT
    console.log(
      `网格通本地服务已启动：http://${env.HOST}:${port}/  (${env.APP_MODE === 'local' ? '演示模式' : '生产模式'})`,
    )
  })
  const stop = () => {
    clearInterval(ticker)
    server.close(() => {
      api.deps.store.close().finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

start().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
