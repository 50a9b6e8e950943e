/**
 * Checkpoints a WAL database from a worker thread with its own connection, so requests neither copy pages
 * into the database nor wait on an fsync: the worker copies (PASSIVE, never blocking anyone) and, once all
 * is copied, restarts the WAL with a one-row write of its own, paying the fsync of the new WAL header that
 * the next request's write would otherwise pay.
 */
import { Worker } from 'node:worker_threads'

/** The table the worker writes to restart the WAL; created with the collections' tables. */
export const WAL_RESTART_TABLE = '_wal_restarts'

/** The worker, as plain CommonJS so it runs without a TypeScript loader. */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Driver = require(workerData.driver)
const db = new Driver(workerData.file)
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 0')
const restart = db.prepare(
  'INSERT INTO "${WAL_RESTART_TABLE}" (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1',
)
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    if (result.busy || result.log < workerData.restartAfterFrames || result.checkpointed < result.log) return
    restart.run()
  } catch {
    // SQLITE_BUSY: a request is writing right now; it restarts the WAL itself, or the next tick does.
  }
}
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  /** Stops the timer and closes the worker's connection. */
  stop(): Promise<void>
}

/**
 * Every `everyMs`, copies the WAL into the database and, when the WAL holds at least `restartAfterFrames`
 * frames and all of them are copied, restarts it.
 */
export function startCheckpointer(file: string, everyMs: number, restartAfterFrames: number): Checkpointer {
  const driver = require.resolve('better-sqlite3')
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, driver, everyMs, restartAfterFrames } })
  worker.unref()
  let exited = false
  const done = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true
      resolve()
    }),
  )
  // A failed worker leaves the connection's own auto-checkpoint (a high backstop) to bound the WAL.
  worker.on('error', () => undefined)
  return {
    stop() {
      if (!exited) worker.postMessage('stop')
      return done
    },
  }
}
