/** Place rules: how an action's input names the place it acts on. Each action declares one next to its roles. */
import type { UserDoc } from '../../../../types'
import type { Deps } from '../../context'
import { validation } from '../../errors'
import { loadCommunity, loadDepartment, loadGrid } from './load'
import {
  OPEN,
  SELF,
  communityPlace,
  departmentPlace,
  gridPlace,
  streetPlace,
  type Place,
  type ScopedPlace,
} from './place'

export type PlaceRule<I> = (deps: Deps, input: I, user: UserDoc) => Promise<Place | Place[]>

/** The caller's own things. */
export const self: PlaceRule<unknown> = async () => SELF
/** Any signed-in user may do it; lists it answers are filtered by `visibleTo`. */
export const open: PlaceRule<unknown> = async () => OPEN

export function atGrid<I>(pick: (input: I) => string, extra: Partial<ScopedPlace> = {}): PlaceRule<I> {
  return async (deps, input) => ({ ...gridPlace(await loadGrid(deps, pick(input))), ...extra })
}

/** Several grids at once: the caller must hold every one of them. */
export function atGrids<I>(pick: (input: I) => readonly string[]): PlaceRule<I> {
  return async (deps, input) => Promise.all(pick(input).map(async (id) => gridPlace(await loadGrid(deps, id))))
}

export function atCommunity<I>(pick: (input: I) => string): PlaceRule<I> {
  return async (deps, input) => communityPlace(await loadCommunity(deps, pick(input)))
}

export function atDepartment<I>(pick: (input: I) => string): PlaceRule<I> {
  return async (deps, input) => departmentPlace(await loadDepartment(deps, pick(input)))
}

/**
 * A street named in the input, or else the one street the caller administers. Someone who
 * administers no street gets a place no grant contains (FORBIDDEN); several streets must be named.
 */
export function atStreet<I>(pick: (input: I) => string | undefined): PlaceRule<I> {
  return async (_deps, input, user) => {
    const named = pick(input)
    if (named) return streetPlace(named)
    const mine = [...new Set(user.roles.flatMap((g) => (g.role === 'street_admin' && g.streetId ? [g.streetId] : [])))]
    if (mine.length > 1) throw validation('请选择街道', [{ path: 'streetId', message: '您管理多个街道，请选择一个' }])
    return mine[0] ? streetPlace(mine[0]) : { ...streetPlace(''), streetId: null }
  }
}
