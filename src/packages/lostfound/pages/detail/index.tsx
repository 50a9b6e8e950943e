import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PostRow } from '../../../../components/lostfound/post-list'
import { PageStatus } from '../../../../components/page-status'
import type { LostPostDetail } from '../../../../contract'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { ClaimList } from './claim-list'
import { HandOverCode } from './hand-over-code'
import { PostActions } from './post-actions'
import { Returned, Summary } from './summary'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** 可能相符: open posts of the other kind that may be the same thing (poster and staff only). */
function Matches({ p }: { p: LostPostDetail }) {
  if (!p.matches.length) return null
  return (
    <Card title="可能相符的启事">
      <View id="lf-matches">
        {p.matches.map((m) => (
          <PostRow key={m.id} post={m} />
        ))}
      </View>
    </Card>
  )
}

/** 启事详情: the post as this viewer may read it, their buttons, the claims they may see, their code. */
export default function PostDetailPage() {
  const id = useRouter().params.id ?? ''
  const post = useQuery(useCallback(() => call('lostfound.get', { postId: id }), [id]))
  usePullRefresh(post.reload)
  if (!post.data)
    return (
      <PageStatus loading={post.loading} error={post.error} code={post.errorCode} onRetry={() => void post.reload()} />
    )
  const p = post.data
  const changed = (next?: LostPostDetail) => (next ? post.setData(next) : void post.reload())
  return (
    <PageRoot className="page lf-detail">
      <Returned p={p} />
      <Summary p={p} />
      <HandOverCode p={p} />
      <PostActions p={p} onChanged={changed} />
      <ClaimList p={p} onChanged={() => void post.reload()} />
      <Matches p={p} />
    </PageRoot>
  )
}
