/** A FIFO async lock: one SQLite connection must not interleave a transaction with other work. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve()
  /** Callers holding or waiting for the lock. */
  private held = 0

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.held++
    const result = this.tail.then(fn, fn)
    this.tail = result.catch(() => undefined).then(() => this.held--)
    return result
  }

  /** Runs synchronous work at once when no one holds or waits for the lock (FIFO still holds), else in turn. */
  runSync<T>(fn: () => T): Promise<T> {
    if (this.held > 0) return this.run(async () => fn())
    try {
      return Promise.resolve(fn())
    } catch (err) {
      return Promise.reject(err)
    }
  }
}
