/** Interleaved timing for `npm run bench`: chunks of calls rotate between operations and stores, so drift hits all alike. */
import { performance } from 'node:perf_hooks'

/** One timed operation on one store. */
export interface Op {
  name: string
  size: number
  /** The timed call. */
  call: (i: number) => unknown
  /** Whether a call's result is what the benchmark expects; it runs after the clock stopped, so it is not timed. */
  check: (result: unknown) => boolean
}

export interface Timing {
  name: string
  size: number
  /** Sorted call times in ms. */
  times: number[]
  /** Calls whose result was not as expected (an error, or a page that was not full). */
  bad: number
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function runChunk(op: Op, from: number, count: number, into: number[] | null): Promise<number> {
  let bad = 0
  for (let i = from; i < from + count; i++) {
    const t = performance.now()
    const result = await op.call(i)
    const elapsed = performance.now() - t
    into?.push(elapsed)
    if (!op.check(result)) bad++
  }
  return bad
}

/** Untimed rounds before the timed ones: the JIT has optimised the code, as in a process serving for a while. */
export const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 10)

/**
 * Runs `calls` timed calls of every op in chunks of `chunk`, after WARM_UP_ROUNDS untimed rounds of one chunk each.
 * Each round visits the ops in a rotated order, so no op always follows the same neighbour.
 */
export async function runInterleaved(ops: Op[], calls: number, chunk: number): Promise<Timing[]> {
  const results = ops.map((op) => ({ name: op.name, size: op.size, times: [] as number[], bad: 0 }))
  // Warm-up with call numbers the timed calls never reuse (ids of created orders, riders, request ids).
  const warm = Math.min(chunk, calls)
  for (let round = 0; round < WARM_UP_ROUNDS; round++)
    for (const op of ops) await runChunk(op, 1_000_000 + round * warm, warm, null)
  const next = ops.map(() => 0)
  const rounds = Math.ceil(calls / chunk)
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < ops.length; j++) {
      const k = (j + round) % ops.length
      const op = ops[k]
      const result = results[k]
      const from = next[k] ?? 0
      if (!op || !result) continue
      const count = Math.min(chunk, calls - from)
      result.bad += await runChunk(op, from, count, result.times)
      next[k] = from + count
    }
  }
  for (const r of results) r.times.sort((a, b) => a - b)
  return results
}
