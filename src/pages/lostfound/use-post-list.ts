import { useCallback, useState } from 'react'
import { actions, type ActionInput, type ActionOutput, type LostCategory, type LostKind } from '../../contract'
import { useFieldErrors } from '../../hooks/use-field-errors'
import { usePaged } from '../../hooks/use-paged'
import { call } from '../../services/api'

export type Scope = 'grid' | 'street'
/** Posted within the last N days, or any time. */
export type Since = 'all' | '3' | '7' | '30'

export interface Filters {
  scope: Scope
  gridId?: string
  kind?: LostKind
  category?: LostCategory
  since: Since
  q?: string
}

type ListPage = ActionOutput<'lostfound.list'>
export type ListMeta = Pick<ListPage, 'scope' | 'placeName' | 'gridId' | 'grids'>

const DAY_MS = 24 * 60 * 60 * 1000

function queryOf(f: Filters, cursor?: string): ActionInput<'lostfound.list'> {
  const from = f.since === 'all' ? undefined : Date.now() - Number(f.since) * DAY_MS
  return { scope: f.scope, gridId: f.gridId, kind: f.kind, category: f.category, q: f.q, from, cursor }
}

/** 失物招领's list: every filter goes to the server's indexed query; the page also names its grid or street. */
export function usePostList() {
  const [filters, setFilters] = useState<Filters>({ scope: 'grid', since: 'all' })
  const [meta, setMeta] = useState<ListMeta | null>(null)
  const search = useFieldErrors(['q'])
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const { items, nextCursor, ...rest } = await call('lostfound.list', queryOf(filters, cursor))
      setMeta(rest)
      return { items, nextCursor }
    },
    [filters],
  )
  const list = usePaged(fetchPage)

  /** Applies typed words (checked by the contract's rule first); empty words clear the search. */
  const applySearch = (typed: string) => {
    const q = typed.trim() || undefined
    const checked = search.parse(actions['lostfound.list'].input, { scope: filters.scope, q })
    if (checked) setFilters((f) => ({ ...f, q }))
  }

  const patch = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }))
  /** Back to everything in the current grid or street. */
  const clear = () => {
    search.clear()
    setFilters((f) => ({ scope: f.scope, gridId: f.gridId, since: 'all' }))
  }
  return { filters, patch, clear, meta, list, search, applySearch }
}
