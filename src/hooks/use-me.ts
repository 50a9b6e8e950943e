import { useCallback } from 'react'
import type { MeView } from '../contract'
import { call } from '../services/api'
import { useQuery } from './use-query'

/** The signed-in person, refreshed every time the page is shown. */
export function useMe() {
  const fetchMe = useCallback(() => call('me.get', {}), [])
  return useQuery<MeView>(fetchMe)
}
