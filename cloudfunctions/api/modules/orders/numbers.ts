/**
 * Order numbers people read aloud: `<street code>-YYYYMMDD-NNNN`, from one counter per street and CST
 * day, taken in the same transaction that inserts the order, so two orders never share a number.
 */
import { z } from 'zod'
import { StreetDocSchema } from '../../../../types'
import type { TxHandle } from '../../store/port'

const CST_OFFSET = 8 * 60 * 60 * 1000
const CounterSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  day: z.string(),
  next: z.number().int(),
  version: z.number(),
})

/** YYYYMMDD of the China Standard Time day holding `at`. */
export const cstDay = (at: number) => new Date(at + CST_OFFSET).toISOString().slice(0, 10).replace(/-/g, '')

/** The street's code (NZ), else letters from its id for a street created without one. */
async function streetCode(tx: TxHandle, streetId: string): Promise<string> {
  const raw = await tx.get('streets', streetId)
  const code = raw ? StreetDocSchema.parse(raw).code : ''
  return code || streetId.replace(/^st_/, '').slice(0, 2).toUpperCase()
}

/** Takes the next number of the street's day inside `tx`; a concurrent taker makes the transaction conflict and retry. */
export async function takeOrderNo(tx: TxHandle, streetId: string, at: number): Promise<string> {
  const day = cstDay(at)
  const id = `no_${streetId}_${day}`
  const raw = await tx.get('counters', id)
  const counter = raw ? CounterSchema.parse(raw) : null
  const n = counter?.next ?? 1
  if (counter) await tx.replace('counters', { ...counter, next: n + 1 })
  else await tx.insert('counters', { _id: id, streetId, day, next: n + 1, version: 0 })
  return `${await streetCode(tx, streetId)}-${day}-${String(n).padStart(4, '0')}`
}
