import { useCallback } from 'react'
import { call } from '../../services/api'
import { useQuery } from '../use-query'

/** Several grids in full, by id (loaded again when the ids change, e.g. after a new role). */
export function useGrids(gridIds: readonly string[]) {
  const key = gridIds.join(',')
  return useQuery(
    useCallback(
      () =>
        Promise.all(
          key
            .split(',')
            .filter(Boolean)
            .map((gridId) => call('grids.get', { gridId })),
        ),
      [key],
    ),
  )
}
