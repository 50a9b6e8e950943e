/** Bounds on a request's payload, checked without recursion before anything recursive (fingerprint, zod) runs. */
export const MAX_PAYLOAD_DEPTH = 20
export const MAX_PAYLOAD_NODES = 20_000
export const MAX_PAYLOAD_CHARS = 512 * 1024

/** A Chinese sentence saying what is wrong with the payload's shape, or null when it is within bounds. */
export function payloadProblem(payload: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: payload, depth: 0 }]
  let nodes = 0
  let chars = 0
  while (stack.length) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number }
    if (++nodes > MAX_PAYLOAD_NODES) return '提交的内容过多'
    if (typeof value === 'string') chars += value.length
    if (chars > MAX_PAYLOAD_CHARS) return '提交的内容过大'
    if (value === null || typeof value !== 'object') continue
    if (depth >= MAX_PAYLOAD_DEPTH) return '提交的内容层级过深'
    const children = Array.isArray(value) ? value : Object.values(value)
    for (const child of children) stack.push({ value: child, depth: depth + 1 })
    if (!Array.isArray(value)) chars += Object.keys(value).reduce((n, k) => n + k.length, 0)
  }
  return null
}
