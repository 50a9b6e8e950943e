/** Runtime configuration: environment variables parsed once into a typed config. */
import path from 'node:path'
import { z } from 'zod'

/** Environment variables, parsed once; nothing reads process.env elsewhere in the function. */
const EnvSchema = z.object({
  STORAGE: z.enum(['sqlite', 'cloudbase']).default('sqlite'),
  DATA_DIR: z.string().min(1).default('./data'),
  TCB_ENV: z.string().optional(),
  TCB_SECRET_ID: z.string().optional(),
  TCB_SECRET_KEY: z.string().optional(),
  WX_SUBSCRIBE_TEMPLATE_ID: z.string().optional(),
  /** Reports further than this many metres from every grid are refused. */
  REPORT_RADIUS_M: z.coerce.number().int().min(100).max(100_000).default(2000),
  /** Hours a question may wait for a staff reply before the grid's workers are told (twice that: the community). */
  UNANSWERED_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
})

export type RuntimeConfig = z.infer<typeof EnvSchema> & { dbFile: string; uploadDir: string }

export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = EnvSchema.parse(env)
  const dataDir = path.resolve(parsed.DATA_DIR)
  return {
    ...parsed,
    DATA_DIR: dataDir,
    dbFile: parsed.DATA_DIR === ':memory:' ? ':memory:' : path.join(dataDir, 'wanggetong.db'),
    uploadDir: path.join(dataDir, 'uploads'),
  }
}
