import { useCallback } from 'react'
import type { GridHome, MeView } from '../../contract'
import { call } from '../../services/api'
import { useQuery } from '../use-query'
import { useOnMeChanged } from './me-changed'

export interface HomeView {
  me: MeView
  /** The home grid in full (members, departments, building heads), or null before joining one. */
  grid: GridHome | null
}

/** 首页's data: the person and their home grid, reloaded on every show (so a fresh join appears). */
export function useHomeGrid() {
  const load = useCallback(async (): Promise<HomeView> => {
    const me = await call('me.get', {})
    const grid = me.homeGrid ? await call('grids.get', { gridId: me.homeGrid.id }) : null
    return { me, grid }
  }, [])
  const state = useQuery(load)
  useOnMeChanged(state.reload)
  return state
}
