import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { Chips } from '../../components/chips'
import { TextField } from '../../components/text-field'
import { LOST_CATEGORIES, LOST_KINDS } from '../../contract'
import { LOST_CATEGORY_LABELS, LOST_KIND_LABELS } from '../../copy/lostfound'
import type { usePostList, Since } from './use-post-list'

type PostList = ReturnType<typeof usePostList>

const ALL = 'all'
const SCOPES = [
  { id: 'grid', label: '本网格' },
  { id: 'street', label: '全街道' },
]
const KIND_CHIPS = [{ id: ALL, label: '全部' }, ...LOST_KINDS.map((k) => ({ id: k, label: LOST_KIND_LABELS[k] }))]
const CATEGORY_CHIPS = [
  { id: ALL, label: '全部分类' },
  ...LOST_CATEGORIES.map((c) => ({ id: c, label: LOST_CATEGORY_LABELS[c] })),
]
const SINCE_CHIPS: { id: Since; label: string }[] = [
  { id: 'all', label: '不限时间' },
  { id: '3', label: '近 3 天' },
  { id: '7', label: '近 7 天' },
  { id: '30', label: '近 30 天' },
]

/** 本网格 / 全街道, and which grid when the viewer may pick among several. */
export function ScopeTabs({ state }: { state: PostList }) {
  const { filters, patch, meta } = state
  const grids = meta?.grids ?? []
  return (
    <View className="lf__scope">
      <Chips
        idPrefix="lf-scope-"
        items={SCOPES}
        selected={[filters.scope]}
        onToggle={(id) => patch({ scope: id === 'street' ? 'street' : 'grid' })}
      />
      {filters.scope === 'street' || grids.length < 2 ? (
        meta?.placeName ? (
          <Text id="lf-place-name" className="lf__place">{`正在看：${meta.placeName}`}</Text>
        ) : null
      ) : (
        <Chips
          idPrefix="lf-grid-"
          items={grids.map((g) => ({ id: g.id, label: g.name }))}
          selected={[filters.gridId ?? meta?.gridId ?? '']}
          onToggle={(gridId) => patch({ gridId })}
        />
      )}
    </View>
  )
}

/** Words in title and description; 搜索 applies them, an empty box shows everything again. */
export function SearchBox({ state }: { state: PostList }) {
  const [typed, setTyped] = useState(state.filters.q ?? '')
  return (
    <TextField
      id="lf-search"
      placeholder="搜索标题和描述，如：身份证、钥匙"
      value={typed}
      maxLength={20}
      error={state.search.field('q') ?? state.search.message}
      onChange={(v) => {
        setTyped(v)
        state.search.dismiss('q')
        if (!v && state.filters.q) state.applySearch('')
      }}
      onConfirm={() => state.applySearch(typed)}
      action={
        <Button id="lf-search-go" size="small" type="primary" onClick={() => state.applySearch(typed)}>
          搜索
        </Button>
      }
    />
  )
}

/** Kind always; category and when behind 更多筛选 (open while one of them is set). */
export function FilterChips({ state }: { state: PostList }) {
  const { filters, patch } = state
  const [more, setMore] = useState(false)
  const open = more || Boolean(filters.category) || filters.since !== 'all'
  return (
    <View className="lf__chips">
      <Chips
        idPrefix="lf-kind-"
        items={KIND_CHIPS}
        selected={[filters.kind ?? ALL]}
        onToggle={(id) => {
          const kind = LOST_KINDS.find((k) => k === id)
          patch(kind === 'person' ? { kind, category: undefined } : { kind })
        }}
      />
      {open && filters.kind !== 'person' ? (
        <Chips
          idPrefix="lf-cat-"
          items={CATEGORY_CHIPS}
          selected={[filters.category ?? ALL]}
          onToggle={(id) => patch({ category: LOST_CATEGORIES.find((c) => c === id) })}
        />
      ) : null}
      {open ? (
        <Chips
          idPrefix="lf-since-"
          items={SINCE_CHIPS}
          selected={[filters.since]}
          onToggle={(id) => patch({ since: SINCE_CHIPS.find((s) => s.id === id)?.id ?? 'all' })}
        />
      ) : (
        <Text id="lf-more-filters" className="lf__more" onClick={() => setMore(true)}>
          按分类、时间筛选 ›
        </Text>
      )}
      {filters.q ? <Text className="muted">{`正在搜索“${filters.q}”`}</Text> : null}
    </View>
  )
}
