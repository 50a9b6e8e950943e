import { useCallback } from 'react'
import { call } from '../../services/api'
import { useQuery } from '../use-query'

/** The street's order categories (with their deadlines), reloaded on every show. */
export function useCategories() {
  return useQuery(useCallback(() => call('categories.list', {}), []))
}
