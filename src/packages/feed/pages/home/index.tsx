import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import dayjs from 'dayjs'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { PageRoot } from '../../../../components/page-root'
import { PagedList } from '../../../../components/paged-list'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import type { ActionOutput, FeedPostView, QuestionView } from '../../../../contract'
import { FEED_KIND_LABELS, FEED_PAGES } from '../../../../copy/feed'
import { useDesk } from '../../../../hooks/use-desk'
import { useMe } from '../../../../hooks/use-me'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { hasAdminArea, hasWorkerArea } from '../../../../services/areas'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

function PostRow({ p, gridId }: { p: FeedPostView; gridId: string }) {
  return (
    <View
      id={`post-${p.id}`}
      className="feed__row"
      hoverClass="feed__row--pressed"
      onClick={go(FEED_PAGES.post(p.id, gridId))}
    >
      <View className="feed__row-top">
        {p.pinned ? <Tag text="置顶" tone="red" /> : null}
        <Tag text={FEED_KIND_LABELS[p.kind]} tone={p.kind === 'leaflet' ? 'blue' : 'grey'} />
        {!p.read ? <View className="feed__dot" /> : null}
      </View>
      <Text className="feed__title">{p.title}</Text>
      <Text className="feed__meta">
        {`${p.authorLabel} · ${dayjs(p.createdAt).format('MM-DD HH:mm')} · ${p.readCount} 人已读${p.edited ? ' · 已编辑' : ''}`}
      </Text>
    </View>
  )
}

function QuestionRow({ q }: { q: QuestionView }) {
  const state = q.answered ? '已解决' : q.staffReplied ? '已回复' : '待回复'
  return (
    <View
      id={`question-${q.id}`}
      className="feed__row"
      hoverClass="feed__row--pressed"
      onClick={go(FEED_PAGES.question(q.id))}
    >
      <View className="feed__row-top">
        <Tag text={state} tone={q.answered ? 'green' : q.staffReplied ? 'blue' : 'orange'} />
        {q.orderId ? <Tag text="已转工单" tone="grey" /> : null}
      </View>
      <Text className="feed__title">{q.text}</Text>
      <Text className="feed__meta">{`${q.askerLabel} · ${dayjs(q.createdAt).format('MM-DD HH:mm')} · ${q.replyCount} 条回复`}</Text>
    </View>
  )
}

type Found = ActionOutput<'feed.search'>['items']

/** Past 明白纸 and answered questions of the grid, by words. */
function Search({ gridId }: { gridId: string }) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    if (!q.trim()) return setFound(null)
    try {
      setFound((await call('feed.search', { gridId, q })).items)
      setError(null)
    } catch (err) {
      setError(userMessage(err))
    }
  }
  return (
    <Card>
      <TextField
        id="feed-search"
        placeholder="搜索明白纸和问答，如：养老保险"
        value={q}
        maxLength={50}
        error={error}
        onChange={setQ}
        onConfirm={() => void run()}
        action={
          <Button size="small" type="primary" onClick={() => void run()}>
            搜索
          </Button>
        }
      />
      {found ? (
        found.length ? (
          found.map((f) => (
            <View
              key={f.id}
              id={`found-${f.id}`}
              className="feed__found"
              onClick={go(f.kind === 'leaflet' ? FEED_PAGES.post(f.id) : FEED_PAGES.question(f.id))}
            >
              <Tag text={f.kind === 'leaflet' ? '明白纸' : '问答'} tone="blue" />
              <Text className="feed__found-title">{f.title}</Text>
            </View>
          ))
        ) : (
          <Text className="muted">没有找到相关内容，可以直接提问</Text>
        )
      ) : null}
    </Card>
  )
}

const TABS = [
  { id: 'feed', label: '通知与明白纸' },
  { id: 'questions', label: '问答' },
]

/** A grid's group, online: its notices and 明白纸, and the questions residents ask there. */
export default function FeedHomePage() {
  const params = useRouter().params
  const gridId = params.gridId ?? ''
  const [tab, setTab] = useState<'feed' | 'questions'>(params.tab === 'questions' ? 'questions' : 'feed')
  const [which, setWhich] = useState<'all' | 'pending'>(params.which === 'pending' ? 'pending' : 'all')
  const { me } = useMe()
  const staff = !!me && (hasWorkerArea(me.roles) || hasAdminArea(me.roles))
  const desk = useDesk(staff)
  const answers = !!desk.data?.questions.gridIds.includes(gridId)
  const posts = usePaged(useCallback((cursor?: string) => call('feed.list', { gridId, cursor }), [gridId]))
  const questions = usePaged(
    useCallback((cursor?: string) => call('questions.list', { gridId, which, cursor }), [gridId, which]),
  )
  usePullRefresh(tab === 'feed' ? posts.reload : questions.reload)
  const publishes = !!desk.data && (answers || hasAdminArea(me?.roles ?? []))
  return (
    <PageRoot className="page feed">
      <Chips
        idPrefix="feed-tab-"
        items={TABS}
        selected={[tab]}
        onToggle={(id) => setTab(id === 'questions' ? 'questions' : 'feed')}
      />
      <Search gridId={gridId} />
      {tab === 'feed' ? (
        <Card>
          <PagedList
            list={posts}
            empty="网格里还没有通知"
            emptyId="feed-empty"
            renderItem={(p) => <PostRow key={p.id} p={p} gridId={gridId} />}
          />
        </Card>
      ) : (
        <Card>
          {answers ? (
            <Chips
              idPrefix="questions-"
              items={[
                { id: 'all', label: '全部提问' },
                { id: 'pending', label: '待回复' },
              ]}
              selected={[which]}
              onToggle={(id) => setWhich(id === 'pending' ? 'pending' : 'all')}
            />
          ) : null}
          <PagedList
            list={questions}
            empty={which === 'pending' ? '没有待回复的提问' : '还没有人提问'}
            emptyId="questions-empty"
            renderItem={(q) => <QuestionRow key={q.id} q={q} />}
          />
        </Card>
      )}
      <View className="feed__actions">
        {me?.homeGrid?.id === gridId ? (
          <Button id="feed-ask" type="primary" block onClick={go(FEED_PAGES.ask(gridId))}>
            我要提问
          </Button>
        ) : null}
        {publishes ? (
          <Button id="feed-publish" block fill="outline" onClick={go(FEED_PAGES.publish(gridId))}>
            发布通知 / 明白纸
          </Button>
        ) : null}
      </View>
    </PageRoot>
  )
}
