import { useCallback } from 'react'
import type { GridHome, MeView } from '../../contract'
import { call } from '../../services/api'
import { refreshMe } from '../../services/me'
import { useMe } from '../use-me'
import { useQuery } from '../use-query'

export interface HomeGrid {
  me: MeView | null
  /** The home grid in full (departments, building heads), or null before joining one. */
  grid: GridHome | null
  /** True while the person, or their grid, is still on its way. */
  waiting: boolean
  loading: boolean
  error: string | null
  reload: () => Promise<void>
}

/** 首页's data: the person from the store, and their home grid, reloaded on every show. */
export function useHomeGrid(): HomeGrid {
  const me = useMe()
  const gridId = me.me?.homeGrid?.id ?? null
  const query = useQuery(useCallback(() => (gridId ? call('grids.get', { gridId }) : Promise.resolve(null)), [gridId]))
  // After a move, the previous grid stays in the query until the new one arrives: never show it.
  const grid = query.data && query.data.id === gridId ? query.data : null
  const { reload: reloadGrid } = query
  const reload = useCallback(async () => {
    await Promise.all([refreshMe(), reloadGrid()])
  }, [reloadGrid])
  return {
    me: me.me,
    grid,
    waiting: !me.me || (gridId !== null && !grid),
    loading: me.loading || query.loading,
    error: me.error ?? query.error,
    reload,
  }
}
