import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PostList } from '../../../../components/lostfound/post-list'
import { LOSTFOUND_PAGES } from '../../../../copy/lostfound'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { PageRoot } from '../../../../components/page-root'

const EMPTY = (
  <>
    <Text>还没有发布过启事</Text>
    <Button
      size="small"
      type="primary"
      fill="outline"
      onClick={() => void Taro.navigateTo({ url: LOSTFOUND_PAGES.create })}
    >
      发布启事
    </Button>
  </>
)

/** 我的发布: every post of mine, open or not, newest first; tap one to handle its claims, renew or close it. */
export default function MyPostsPage() {
  const list = usePaged(useCallback((cursor?: string) => call('lostfound.mine', { cursor }), []))
  usePullRefresh(list.reload)
  return (
    <PageRoot className="page">
      <Card>
        <PostList list={list} empty={EMPTY} />
      </Card>
      <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: LOSTFOUND_PAGES.claims('received') })}>
        待我核对和交接的认领
      </Button>
    </PageRoot>
  )
}
