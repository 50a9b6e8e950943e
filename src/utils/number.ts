/** A typed number for a schema to check: blank or unreadable text becomes NaN (so it is refused), not 0. */
export function typedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text)
}
