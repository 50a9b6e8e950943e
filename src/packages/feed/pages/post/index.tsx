import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { Card } from '../../../../components/card'
import { ErrorText } from '../../../../components/error-text'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import type { ActionOutput, FeedPostView, GroupProof } from '../../../../contract'
import { FEED_KIND_LABELS, FEED_PAGES } from '../../../../copy/feed'
import { enableGroupShare, groupEntry } from '../../../../services/group-entry'
import { useAction } from '../../../../hooks/use-action'
import { useQuery } from '../../../../hooks/use-query'
import { useMe } from '../../../../hooks/use-me'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import './index.css'

type Unread = ActionOutput<'feed.unread'>

/** Staff: who in this grid has not opened it yet, to tell them in person. */
function UnreadList({ postId, gridId }: { postId: string; gridId: string }) {
  const [list, setList] = useState<Unread | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    try {
      setList(await call('feed.unread', { postId, gridId }))
    } catch (err) {
      setError(userMessage(err))
    }
  }
  return (
    <Card title="未读住户">
      {list ? (
        <>
          <Text className="muted">{`本网格还有 ${list.total} 户未读，可上门或电话告知`}</Text>
          {list.items.map((m, i) => (
            <Text
              key={`${m.name}-${i}`}
              className="post__unread"
            >{`${m.name} · ${m.address}${m.offline ? '（无手机）' : ''}`}</Text>
          ))}
        </>
      ) : (
        <Button id="post-unread" size="small" fill="outline" onClick={() => void load()}>
          查看未读名单
        </Button>
      )}
      <ErrorText message={error} />
    </Card>
  )
}

/** The author's edit of title and text (marked 已编辑 for readers). */
function EditForm({ post, onSaved }: { post: FeedPostView; onSaved: (p: FeedPostView) => void }) {
  const edit = useAction('feed.edit')
  const [title, setTitle] = useState(post.title)
  const [body, setBody] = useState(post.body)
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    try {
      onSaved(await edit.run({ postId: post.id, title, body }))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setError(userMessage(err))
    }
  }
  return (
    <Card title="编辑">
      <TextField id="edit-title" label="标题" value={title} maxLength={40} onChange={setTitle} />
      <TextField id="edit-body" label="正文" multiline value={body} maxLength={2000} onChange={setBody} />
      <ErrorText of="form" message={error} />
      <Button id="edit-save" type="primary" block loading={edit.pending} onClick={() => void save()}>
        保存修改
      </Button>
    </Card>
  )
}

type Resolved = ActionOutput<'groups.resolve'>

/**
 * Opened from a WeChat group: staff of the grid may bind the group to it (once); someone not yet in the group's
 * grid is offered to join it in one tap.
 */
function GroupCard({ group, gridId }: { group: GroupProof; gridId: string | undefined }) {
  const [resolved, setResolved] = useState<Resolved | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const bind = useAction('groups.bind')
  useEffect(() => {
    call('groups.resolve', { group, gridId }).then(setResolved, (err: unknown) => setProblem(userMessage(err)))
  }, [group, gridId])
  if (!resolved) return problem ? <ErrorText of="form" message={problem} /> : null
  const { grid, joinCode } = resolved
  return (
    <Card title="来自微信群">
      {grid ? <Text id="group-bound" className="para">{`这个微信群是「${grid.name}」的网格群`}</Text> : null}
      {resolved.canBind && gridId ? (
        <Button
          id="group-bind"
          type="primary"
          block
          loading={bind.pending}
          onClick={() =>
            void bind.run({ gridId, group }).then(
              (r) => {
                setResolved({ ...resolved, grid: { id: r.gridId, name: r.gridName }, canBind: false })
                void Taro.showToast({ title: '已关联', icon: 'success' })
              },
              (err: unknown) => setProblem(userMessage(err)),
            )
          }
        >
          把这个微信群关联到本网格
        </Button>
      ) : null}
      {grid && joinCode ? (
        <Button
          id="group-join"
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: `/pages/join/index?code=${joinCode}` })}
        >
          {`加入「${grid.name}」`}
        </Button>
      ) : null}
      <ErrorText of="form" message={problem} />
    </Card>
  )
}

/** A notice or 明白纸: read (and counted), the department's desk phone to call, and the staff's tools. */
export default function PostPage() {
  const params = useRouter().params
  const { id = '', gridId: shownIn } = params
  // Opened from a group card: the proof goes with the read (counted as a group open) and to the group card.
  const [group, setGroup] = useState<GroupProof | null | undefined>(undefined)
  useEffect(() => {
    enableGroupShare()
    void groupEntry(params).then(setGroup)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the entry is read once, when the page opens
  }, [])
  const post = useQuery(
    useCallback(
      () =>
        group === undefined
          ? new Promise<never>(() => undefined)
          : call('feed.get', { postId: id, ...(group ? { group } : {}) }),
      [id, group],
    ),
  )
  useShareAppMessage(() => ({
    title: post.data?.title ?? '网格通知',
    path: FEED_PAGES.post(id, shownIn),
  }))
  const { me } = useMe()
  const pin = useAction('feed.pin')
  const relay = useAction('feed.relay')
  const withdraw = useAction('feed.withdraw')
  const [editing, setEditing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const p = post.data
  if (!p)
    return (
      <PageStatus loading={post.loading} error={post.error} code={post.errorCode} onRetry={() => void post.reload()} />
    )
  const act = async (run: () => Promise<FeedPostView>) => {
    try {
      post.setData(await run())
      setProblem(null)
    } catch (err) {
      setProblem(userMessage(err))
    }
  }
  const gridId = shownIn ?? me?.homeGrid?.id
  return (
    <PageRoot className="page post">
      <Card>
        <View className="post__tags">
          <Tag text={FEED_KIND_LABELS[p.kind]} tone={p.kind === 'leaflet' ? 'blue' : 'grey'} />
          {p.pinned ? <Tag text="置顶" tone="red" /> : null}
          {p.edited ? <Tag text="已编辑" tone="grey" /> : null}
        </View>
        <Text id="post-title" className="post__title">
          {p.title}
        </Text>
        <Text className="muted">{`${p.authorLabel} · ${p.scopeLabel} · ${dayjs(p.createdAt).format('YYYY-MM-DD HH:mm')}`}</Text>
        <Text id="post-body" className="post__body">
          {p.body}
        </Text>
        {p.imageUrls.map((u) => (
          <Image key={u} className="post__image" src={u} mode="widthFix" />
        ))}
        {p.pdfUrl ? (
          <Text className="post__link" onClick={() => void Taro.setClipboardData({ data: p.pdfUrl ?? '' })}>
            {`全文（点按复制链接）：${p.pdfUrl}`}
          </Text>
        ) : null}
        <Text id="post-reads" className="muted">{`${p.readCount} 人已读`}</Text>
        {p.relayedBy.length ? (
          <Text id="post-relayed" className="muted">{`${p.relayedBy.join('、')} 已转告本楼`}</Text>
        ) : null}
      </Card>
      {p.department ? (
        <Card title="负责解答">
          <View className="post__dept">
            <Text
              id="post-dept"
              className="post__dept-name"
            >{`${p.department.name}${p.department.phone ? ` · ${p.department.phone}` : ''}`}</Text>
            {p.department.phone ? (
              <Button
                id="post-call"
                size="small"
                type="primary"
                onClick={() =>
                  void Taro.makePhoneCall({ phoneNumber: p.department?.phone ?? '' }).catch(() => undefined)
                }
              >
                拨打咨询电话
              </Button>
            ) : null}
          </View>
        </Card>
      ) : null}
      {group ? <GroupCard group={group} gridId={gridId} /> : null}
      {p.groupReadCount ? (
        <Card title={`微信群里打开（${p.groupReadCount} 人）`}>
          <Text id="post-group-readers" className="para">
            {p.groupReaders.length ? p.groupReaders.join('、') : '从本网格微信群打开的居民'}
          </Text>
        </Card>
      ) : null}
      {p.can.includes('unread') && gridId ? <UnreadList postId={p.id} gridId={gridId} /> : null}
      {editing ? <EditForm post={p} onSaved={(next) => (post.setData(next), setEditing(false))} /> : null}
      <View className="post__actions">
        {process.env.TARO_ENV === 'h5' ? (
          <Button
            id="post-share"
            fill="outline"
            onClick={() => void Taro.setClipboardData({ data: window.location.href }).catch(() => undefined)}
          >
            复制链接分享
          </Button>
        ) : null}
        {p.can.includes('relay') ? (
          <Button
            id="post-relay"
            type="primary"
            loading={relay.pending}
            onClick={() => void act(() => relay.run({ postId: p.id }))}
          >
            已转告本楼
          </Button>
        ) : null}
        {p.can.includes('edit') && !editing ? (
          <Button id="post-edit" fill="outline" onClick={() => setEditing(true)}>
            编辑
          </Button>
        ) : null}
        {p.can.includes('pin') ? (
          <Button
            id="post-pin"
            fill="outline"
            loading={pin.pending}
            onClick={() => void act(() => pin.run({ postId: p.id, pinned: !p.pinned }))}
          >
            {p.pinned ? '取消置顶' : '置顶'}
          </Button>
        ) : null}
        {p.can.includes('withdraw') ? (
          <Button
            id="post-withdraw"
            fill="outline"
            loading={withdraw.pending}
            onClick={() =>
              void Taro.showModal({ title: '撤回这条通知？', content: '撤回后居民将看不到它' }).then((r) =>
                r.confirm ? act(() => withdraw.run({ postId: p.id })) : undefined,
              )
            }
          >
            撤回
          </Button>
        ) : null}
      </View>
      <ErrorText of="form" message={problem} />
    </PageRoot>
  )
}
