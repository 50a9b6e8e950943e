import { useCallback, useRef, useState } from 'react'
import type { ActionInput, ActionName, ActionOutput } from '../contract'
import { call } from '../services/api'
import { CallError } from '../services/call-error'
import { newRequestId } from '../services/request-id'

/**
 * A mutating call tied to one user intent: the same payload retried after a network failure reuses
 * its requestId, so the server replays instead of applying twice.
 */
export function useAction<A extends ActionName>(action: A) {
  const [pending, setPending] = useState(false)
  const intent = useRef<{ key: string; requestId: string } | null>(null)

  const run = useCallback(
    async (payload: ActionInput<A>): Promise<ActionOutput<A>> => {
      const key = JSON.stringify(payload)
      const current = intent.current?.key === key ? intent.current : { key, requestId: newRequestId() }
      intent.current = current
      setPending(true)
      try {
        const result = await call(action, payload, { requestId: current.requestId })
        intent.current = null
        return result
      } catch (err) {
        if (!(err instanceof CallError && err.kind === 'network')) intent.current = null
        throw err
      } finally {
        setPending(false)
      }
    },
    [action],
  )

  return { run, pending }
}
