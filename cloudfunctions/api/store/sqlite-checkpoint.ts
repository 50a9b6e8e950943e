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
let timer = null
let seen = 0
/** Copies what the WAL holds; returns whether writes came in since the last time (then it runs again soon). */
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    const busy = result.log !== seen
    seen = result.log
    if (result.busy || result.log < workerData.restartAfterFrames || result.checkpointed < result.log) return busy
    restart.run()
    seen = 0
  } catch {
    // SQLITE_BUSY: a request is writing right now; it restarts the WAL itself, or the next run does.
  }
  return true
}
const run = () => {
  timer = setTimeout(run, checkpoint() ? workerData.busyEveryMs : workerData.everyMs)
}
timer = setTimeout(run, workerData.busyEveryMs)
parentPort.once('message', () => {
  clearTimeout(timer)
  db.close()
  parentPort.close()
})
`

export interface CheckpointTiming {
  /** Pause between checkpoints while no one writes. */
  everyMs: number
  /** Pause between checkpoints while writes come in, so the WAL never runs far ahead of the database. */
  busyEveryMs: number
  /** A WAL of at least this many frames, all copied, is restarted. */
  restartAfterFrames: number
}

export interface Checkpointer {
  /** Stops the timer and closes the worker's connection. */
  stop(): Promise<void>
}

/** Copies the WAL into the database now and then and, once a long enough WAL is all copied, restarts it. */
export function startCheckpointer(file: string, timing: CheckpointTiming): Checkpointer {
  const driver = require.resolve('better-sqlite3')
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, driver, ...timing } })
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
      if (exited) return done
      // Held while it stops: an unref'd worker lets a short script's event loop end before `done` settles.
      worker.ref()
      worker.postMessage('stop')
      return done
    },
  }
}
