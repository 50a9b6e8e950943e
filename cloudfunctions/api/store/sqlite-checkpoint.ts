/**
 * Checkpoints a WAL database from a worker thread with its own connection, so requests neither copy pages
 * into the database nor wait on an fsync: the worker copies (PASSIVE, never blocking anyone) and, once all
 * is copied, restarts the WAL with a one-row write of its own, paying the fsync of the new WAL header that
 * the next request's write would otherwise pay. It copies at quiet moments (no commit since its last look)
 * and only now and then through a burst of writes: a checkpoint that caught up between two writes of a burst
 * would leave that restart, and its fsync, to the next request.
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
const dataVersion = db.prepare('PRAGMA data_version').pluck()
let timer = null
let version = dataVersion.get()
let lastCheckpoint = 0
/** Whether the WAL may hold frames to copy or a restart to do. */
let pending = true
/**
 * Looks whether other connections committed since the last look. While they keep writing, copies at most every
 * busyEveryMs: a checkpoint that catches up in the middle of a burst would make the next write restart the WAL
 * and pay its fsync. Once a look finds no new commit, copies what is left and restarts the WAL itself.
 */
const look = () => {
  const now = Date.now()
  const current = dataVersion.get()
  const quiet = current === version
  version = current
  if (!quiet) pending = true
  if (!pending || (!quiet && now - lastCheckpoint < workerData.busyEveryMs)) return
  lastCheckpoint = now
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    if (!quiet || result.busy || result.checkpointed < result.log) return
    if (result.log >= workerData.restartAfterFrames) restart.run()
    pending = false
  } catch {
    // SQLITE_BUSY: a request is writing right now; the next look tries again.
  }
}
const run = () => {
  look()
  timer = setTimeout(run, workerData.lookEveryMs)
}
timer = setTimeout(run, workerData.lookEveryMs)
parentPort.once('message', () => {
  clearTimeout(timer)
  db.close()
  parentPort.close()
})
`

export interface CheckpointTiming {
  /** How often the worker looks for new commits; the first look that finds none copies the rest and restarts the WAL. */
  lookEveryMs: number
  /** While commits keep coming in, at most one checkpoint this often, so the WAL never runs far ahead of the database. */
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
