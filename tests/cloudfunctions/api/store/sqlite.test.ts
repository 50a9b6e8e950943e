/** The SQLite adapter's own planning: an IN on an index prefix becomes one ordered scan per value. */
import { expandIn } from '../../../../cloudfunctions/api/store/sqlite'
import type { Filter } from '../../../../cloudfunctions/api/store/plan'

const eq = (field: string, value: string | number): Filter => ({ field, op: 'eq', value })
const inList = (field: string, values: (string | number)[]): Filter => ({ field, op: 'in', values })
const range: Filter = { field: 'createdAt', op: 'lt', value: 9 }

test.each<[string, Filter[], Filter[][]]>([
  ['no filters: one branch', [], [[]]],
  ['equality and range only: one branch, unchanged', [eq('owner', 'a'), range], [[eq('owner', 'a'), range]]],
  ['an empty IN stays (it matches nothing)', [inList('owner', [])], [[inList('owner', [])]]],
  [
    'one IN: a branch per value, other filters kept in each',
    [inList('owner', ['a', 'b']), range],
    [
      [eq('owner', 'a'), range],
      [eq('owner', 'b'), range],
    ],
  ],
  [
    'two INs: every combination',
    [inList('owner', ['a', 'b']), inList('kind', [1, 2])],
    [
      [eq('owner', 'a'), eq('kind', 1)],
      [eq('owner', 'a'), eq('kind', 2)],
      [eq('owner', 'b'), eq('kind', 1)],
      [eq('owner', 'b'), eq('kind', 2)],
    ],
  ],
  [
    'more than 64 combinations: the filters as given, one scan',
    [inList('owner', [1, 2, 3, 4, 5, 6, 7, 8, 9]), inList('kind', [1, 2, 3, 4, 5, 6, 7, 8])],
    [[inList('owner', [1, 2, 3, 4, 5, 6, 7, 8, 9]), inList('kind', [1, 2, 3, 4, 5, 6, 7, 8])]],
  ],
])('%s', (_name, filters, branches) => {
  expect(expandIn(filters)).toEqual(branches)
})
