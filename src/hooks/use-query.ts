import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorCode } from '../contract'
import { CallError, userMessage } from '../services/call-error'

export interface QueryState<T> {
  data: T | null
  /** Chinese message of the last failure, or null. */
  error: string | null
  /** The server's error code of the last failure (NOT_FOUND, FORBIDDEN...), or null. */
  errorCode: ErrorCode | null
  loading: boolean
  reload: () => Promise<void>
  setData: (next: T) => void
}

/** A show this soon after a load started is the same visit (mount and first show arrive together). */
const SAME_VISIT_MS = 1000

/**
 * Loads `fetcher` on mount, when it changes, and again whenever the page is shown later, keeping the
 * last good result.
 * Mount covers components that appear after the page's first show (their didShow already passed).
 */
export function useQuery<T>(fetcher: () => Promise<T>): QueryState<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null)
  const [loading, setLoading] = useState(true)
  const latest = useRef(0)
  const startedAt = useRef(0)
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    startedAt.current = Date.now()
    setLoading(true)
    try {
      const next = await fetcherRef.current()
      if (ticket !== latest.current) return
      setData(next)
      setError(null)
      setErrorCode(null)
    } catch (err) {
      if (ticket !== latest.current) return
      setError(userMessage(err))
      setErrorCode(err instanceof CallError ? err.code : null)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [])

  // A new fetcher (a changed id or filter) loads again; callers memoise theirs with useCallback.
  useEffect(() => {
    void reload()
  }, [fetcher, reload])

  // The first show can arrive before the mount effect has started the first load: that one is enough.
  useDidShow(() => {
    if (startedAt.current > 0 && Date.now() - startedAt.current > SAME_VISIT_MS) void reload()
  })

  return { data, error, errorCode, loading, reload, setData }
}
