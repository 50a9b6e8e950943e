import { useEffect, useSyncExternalStore } from 'react'
import { currentMe, loadMe, refreshMe, subscribeMe } from '../services/me'

/** The signed-in person from the one store: loaded on first use, shared by every page. */
export function useMe() {
  const state = useSyncExternalStore(subscribeMe, currentMe, currentMe)
  useEffect(() => {
    void loadMe()
  }, [])
  return { ...state, reload: refreshMe }
}
