import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { CategoryField } from '../../../../components/orders/category-field'
import { openOrder } from '../../../../components/orders/order-list'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import type { QuestionView } from '../../../../contract'
import { FEED_PAGES } from '../../../../copy/feed'
import { useAction } from '../../../../hooks/use-action'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import './index.css'

/** Staff answer in the thread, optionally with a 明白纸 of the grid. */
function ReplyBox({ q, onDone }: { q: QuestionView; onDone: (next: QuestionView) => void }) {
  const reply = useAction('questions.reply')
  const [text, setText] = useState('')
  const [leafletId, setLeafletId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const leaflets = useQuery(
    useCallback(
      () => call('feed.list', { gridId: q.gridId }).then((p) => p.items.filter((i) => i.kind === 'leaflet')),
      [q.gridId],
    ),
  )
  const send = async () => {
    try {
      onDone(await reply.run({ questionId: q.id, text, leafletId }))
      setText('')
      setLeafletId(null)
      setError(null)
    } catch (err) {
      setError(userMessage(err))
    }
  }
  return (
    <Card title={q.mine ? '补充说明' : '回复'}>
      <TextField id="reply-text" multiline value={text} maxLength={1000} placeholder="写下回复…" onChange={setText} />
      {!q.mine && leaflets.data?.length ? (
        <>
          <Text className="muted">附上明白纸（可选）</Text>
          <Chips
            idPrefix="attach-"
            items={leaflets.data.map((l) => ({ id: l.id, label: l.title }))}
            selected={leafletId ? [leafletId] : []}
            onToggle={(id) => setLeafletId(id === leafletId ? null : id)}
          />
        </>
      ) : null}
      <ErrorText of="form" id="reply-error" message={error} />
      <Button id="reply-send" type="primary" block loading={reply.pending} onClick={() => void send()}>
        发送
      </Button>
    </Card>
  )
}

/** Staff: turn the question into a work order in one step (the asker follows it from here). */
function ToOrder({ q, onDone }: { q: QuestionView; onDone: (next: QuestionView) => void }) {
  const convert = useAction('questions.toOrder')
  const [open, setOpen] = useState(false)
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!open)
    return (
      <Button id="to-order" block fill="outline" onClick={() => setOpen(true)}>
        转为工单
      </Button>
    )
  const submit = async () => {
    if (!categoryId) return setError('请选择问题分类')
    try {
      onDone(await convert.run({ questionId: q.id, categoryId }))
      void Taro.showToast({ title: '已转为工单', icon: 'success' })
    } catch (err) {
      setError(userMessage(err))
    }
  }
  return (
    <Card title="转为工单">
      <CategoryField value={categoryId} onChange={setCategoryId} error={null} />
      <ErrorText of="form" id="to-order-error" message={error} />
      <Button id="to-order-submit" type="primary" block loading={convert.pending} onClick={() => void submit()}>
        确认转为工单
      </Button>
    </Card>
  )
}

/** A question and its thread; the asker marks it answered; staff reply or turn it into a work order. */
export default function QuestionPage() {
  const id = useRouter().params.id ?? ''
  const question = useQuery(useCallback(() => call('questions.get', { questionId: id }), [id]))
  usePullRefresh(question.reload)
  const answered = useAction('questions.answered')
  const q = question.data
  if (!q)
    return (
      <PageStatus
        loading={question.loading}
        error={question.error}
        code={question.errorCode}
        onRetry={() => void question.reload()}
      />
    )
  return (
    <PageRoot className="page question">
      <Card>
        <View className="question__top">
          <Tag
            text={q.answered ? '已解决' : q.staffReplied ? '已回复' : '待回复'}
            tone={q.answered ? 'green' : 'orange'}
          />
          <Text className="muted">{`${q.askerLabel} · ${q.gridName} · ${dayjs(q.createdAt).format('MM-DD HH:mm')}`}</Text>
        </View>
        <Text id="question-text" className="question__text">
          {q.text}
        </Text>
        {q.photoUrls.map((u) => (
          <Image key={u} className="question__photo" src={u} mode="widthFix" />
        ))}
        {q.orderId ? (
          <View id="question-order" className="question__order" onClick={() => openOrder(q.orderId ?? '')}>
            <Text>已转为工单，点此查看办理进度 ›</Text>
          </View>
        ) : null}
      </Card>
      <Card title={`回复（${q.replies.length}）`}>
        {q.replies.length === 0 ? <Text className="muted">网格员和入格部门会尽快回复</Text> : null}
        {q.replies.map((r) => (
          <View key={r.id} id={`reply-${r.id}`} className="question__reply">
            <Text className={`question__author ${r.staff ? 'question__author--staff' : ''}`}>{r.authorLabel}</Text>
            <Text className="question__reply-text">{r.text}</Text>
            {r.leaflet ? (
              <Text
                id={`reply-leaflet-${r.leaflet.id}`}
                className="question__leaflet"
                onClick={() => void Taro.navigateTo({ url: FEED_PAGES.post(r.leaflet?.id ?? '', q.gridId) })}
              >
                {`明白纸：${r.leaflet.title} ›`}
              </Text>
            ) : null}
            <Text className="muted">{dayjs(r.createdAt).format('MM-DD HH:mm')}</Text>
          </View>
        ))}
      </Card>
      {q.can.includes('reply') ? <ReplyBox q={q} onDone={question.setData} /> : null}
      <View className="question__actions">
        {q.can.includes('answered') ? (
          <Button
            id="question-answered"
            type="primary"
            block
            loading={answered.pending}
            onClick={() => void answered.run({ questionId: q.id }).then(question.setData, () => void question.reload())}
          >
            问题已解决
          </Button>
        ) : null}
        {q.can.includes('toOrder') ? <ToOrder q={q} onDone={question.setData} /> : null}
      </View>
    </PageRoot>
  )
}
