import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import type { LostPostSummary } from '../../../contract'
import {
  KIND_MARK,
  KIND_TONE,
  LOST_CATEGORY_LABELS,
  LOST_KIND_LABELS,
  LOSTFOUND_PAGES,
  POST_STATE_LABELS,
  POST_STATE_TONE,
} from '../../../copy/lostfound'
import type { PagedState } from '../../../hooks/use-paged'
import { PagedList } from '../../paged-list'
import { Tag } from '../../tag'
import './index.css'

export const openPost = (id: string) => void Taro.navigateTo({ url: LOSTFOUND_PAGES.detail(id) })

/** One post as a row: photo (or the kind's mark), title, kind and state, masked text, where and when. */
export function PostRow({ post: p }: { post: LostPostSummary }) {
  const category = p.kind === 'person' ? null : LOST_CATEGORY_LABELS[p.category]
  // The day first: long place names are cut at the end of the line, the day never is.
  const meta = [dayjs(p.happenedAt).format('M月D日'), category, p.place, p.gridName ?? '全街道'].filter(Boolean)
  return (
    <View
      id={`post-${p.id}`}
      className="post-list__item"
      hoverClass="post-list__item--pressed"
      onClick={() => openPost(p.id)}
    >
      {p.photoUrl ? (
        <Image className="post-list__photo" src={p.photoUrl} mode="aspectFill" />
      ) : (
        <View className={`post-list__photo post-list__photo--${p.kind}`}>{KIND_MARK[p.kind]}</View>
      )}
      <View className="post-list__body">
        <View className="post-list__top">
          <Text className="post-list__title">{p.title}</Text>
          <View className="tags">
            <Tag text={LOST_KIND_LABELS[p.kind]} tone={KIND_TONE[p.kind]} />
            {p.state !== 'open' ? <Tag text={POST_STATE_LABELS[p.state]} tone={POST_STATE_TONE[p.state]} /> : null}
          </View>
        </View>
        {p.text ? <Text className="post-list__text">{p.text}</Text> : null}
        <Text className="muted post-list__meta">{meta.join(' · ')}</Text>
      </View>
    </View>
  )
}

interface PostListProps {
  list: PagedState<LostPostSummary>
  empty: ReactNode
}

/** Posts 20 a page; tap one for its detail. */
export function PostList({ list, empty }: PostListProps) {
  return (
    <PagedList
      list={list}
      empty={empty}
      emptyId="posts-empty"
      moreId="posts-more"
      renderItem={(p) => <PostRow key={p.id} post={p} />}
    />
  )
}
