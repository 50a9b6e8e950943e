import crypto from 'node:crypto'
import type { Clock, Ids } from './ports'

export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests move by hand. */
export function manualClock(start: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start
  return {
    now: () => now,
    set: (ms) => {
      now = ms
    },
    advance: (ms) => {
      now += ms
    },
  }
}

/** The system clock plus an offset a local test can move forward (never used in the cloud). */
export function offsetClock(): Clock & { advance(ms: number): void } {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms
    },
  }
}

export const randomIds: Ids = {
  next: (prefix) => `${prefix}_${crypto.randomBytes(12).toString('base64url')}`,
}
