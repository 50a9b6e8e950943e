/** Interleaved timing for `npm run bench`: chunks of calls rotate between operations and stores, so drift hits all alike. */
import { performance } from 'node:perf_hooks'

/** One timed operation on one store; `call` answers whether the result was what the benchmark expects. */
export interface Op {
  name: string
  size: number
  call: (i: number) => Promise<boolean> | boolean
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
    const ok = await op.call(i)
    const elapsed = performance.now() - t
    into?.push(elapsed)
    if (!ok) bad++
  }
  return bad
}

/**
 * Runs `calls` timed calls of every op in chunks of `chunk`, after one untimed chunk each as warm-up.
 * Each round visits the ops in a rotated order, so no op always follows the same neighbour.
 */
export async function runInterleaved(ops: Op[], calls: number, chunk: number): Promise<Timing[]> {
  const results = ops.map((op) => ({ name: op.name, size: op.size, times: [] as number[], bad: 0 }))
  // Warm-up with call numbers the timed calls never reuse (ids of created orders, riders, request ids).
  for (const op of ops) await runChunk(op, 1_000_000, Math.min(chunk, calls), null)
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
