import { useEffect, useSyncExternalStore } from 'react'
import { currentMe, loadMe, refreshMe, subscribeMe } from '../services/me'

/** The signed-in person from the one store: loaded on first use, shared by every page. */
export function useMe() {
  const state = useSyncExternalStore(subscribeMe, currentMe, currentMe)
  // On mount, and again whenever the store was emptied (a login or logout while this page stayed mounted).
  const forgotten = !state.me && !state.loading && !state.error
  useEffect(() => {
    if (forgotten) void loadMe()
  }, [forgotten])
  return { ...state, reload: refreshMe }
}
