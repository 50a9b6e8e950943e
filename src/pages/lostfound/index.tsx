import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../components/card'
import { PostList } from '../../components/lostfound/post-list'
import { LOSTFOUND_PAGES } from '../../copy/lostfound'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import { FilterChips, ScopeTabs, SearchBox } from './filters'
import { usePostList, type ListMeta } from './use-post-list'
import './index.css'
import { PageRoot } from '../../components/page-root'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 发布 (once the person belongs somewhere), and my own lists: what I posted, what I claimed or told. */
function Actions({ canPost }: { canPost: boolean }) {
  return (
    <View className="lf__actions">
      {canPost ? (
        <Button id="lf-create" type="primary" onClick={go(LOSTFOUND_PAGES.create)}>
          发布启事
        </Button>
      ) : null}
      <Button id="lf-mine" fill="outline" onClick={go(LOSTFOUND_PAGES.mine)}>
        我的发布
      </Button>
      <Button id="lf-claims" fill="outline" onClick={go(LOSTFOUND_PAGES.claims('mine'))}>
        我的认领
      </Button>
    </View>
  )
}

/** An empty list says why and leads somewhere: join a grid first, widen the search, or post. */
function Empty({ meta, filtered, onClear }: { meta: ListMeta | null; filtered: boolean; onClear: () => void }) {
  if (meta && !meta.placeName) {
    return (
      <>
        <Text className="lf__empty-title">您还未加入网格</Text>
        <Text className="muted">加入网格后，可以看到本网格和全街道的启事，也可以发布。</Text>
        <Button id="lf-join" size="small" type="primary" onClick={go('/pages/join/index')}>
          输入加入码
        </Button>
      </>
    )
  }
  if (filtered) {
    return (
      <>
        <Text className="lf__empty-title">没有符合条件的启事</Text>
        <Text className="muted">换个关键词或分类试试，也可以看看全街道的启事。</Text>
        <Button id="lf-clear" size="small" type="primary" fill="outline" onClick={onClear}>
          清除筛选
        </Button>
      </>
    )
  }
  return (
    <>
      <Text className="lf__empty-title">这里还没有启事</Text>
      <Text className="muted">丢了东西或捡到东西，发一条启事，街坊邻居一起帮忙。</Text>
      <Button size="small" type="primary" fill="outline" onClick={go(LOSTFOUND_PAGES.create)}>
        发布启事
      </Button>
    </>
  )
}

/** 失物招领: open posts of my grid or the whole street, filtered and searched by the server. */
export default function LostFoundPage() {
  const state = usePostList()
  const { filters, meta, list } = state
  usePullRefresh(list.reload)
  const filtered = Boolean(filters.kind || filters.category || filters.q || filters.since !== 'all')
  return (
    <PageRoot className="page lf">
      <Card className="lf__filters">
        <ScopeTabs state={state} />
        <SearchBox key={filters.q ?? ''} state={state} />
        <FilterChips state={state} />
      </Card>
      <Actions canPost={!meta || meta.placeName !== null} />
      <Card>
        <PostList list={list} empty={<Empty meta={meta} filtered={filtered} onClear={state.clear} />} />
      </Card>
    </PageRoot>
  )
}
