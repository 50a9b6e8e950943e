import './index.css'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { PageRoot } from '../../../../components/page-root'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import { actions, type ActionOutput } from '../../../../contract'
import { FEED_PAGES } from '../../../../copy/feed'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

type Found = ActionOutput<'feed.search'>['items']

/** While the question is typed, what the grid already answered (明白纸, answered questions) is offered first. */
function useSuggestions(gridId: string, text: string): Found {
  const [found, setFound] = useState<Found>([])
  useEffect(() => {
    const q = text.trim().slice(0, 50)
    if (q.length < 2) return setFound([])
    const timer = setTimeout(() => {
      call('feed.search', { gridId, q }).then(
        (r) => setFound(r.items),
        () => setFound([]),
      )
    }, 400)
    return () => clearTimeout(timer)
  }, [gridId, text])
  return found
}

/** A 楼长 may ask for a neighbour of their building who has no phone. */
function Neighbours({
  gridId,
  value,
  onChange,
}: {
  gridId: string
  value: string | null
  onChange: (id: string | null) => void
}) {
  const { me } = useMe()
  const heads = !!me?.roles.some((g) => g.role === 'building_head' && (g.gridIds ?? []).includes(gridId))
  const building = useQuery(
    useCallback(() => (heads ? call('desk.building', { gridId }) : Promise.resolve(null)), [heads, gridId]),
  )
  const neighbours = (building.data?.items ?? []).filter((m) => !m.isBuildingHead)
  if (!heads || !neighbours.length) return null
  return (
    <Card title="替邻居提问（可选）">
      <Chips
        idPrefix="behalf-"
        items={neighbours.map((m) => ({ id: m.id, label: `${m.name} · ${m.unit}单元${m.room}` }))}
        selected={value ? [value] : []}
        onToggle={(id) => onChange(id === value ? null : id)}
      />
    </Card>
  )
}

export default function AskPage() {
  const gridId = useRouter().params.gridId ?? ''
  const ask = useAction('questions.ask')
  const errors = useFieldErrors(['text', 'onBehalfOf'])
  const [text, setText] = useState('')
  const [onBehalfOf, setOnBehalfOf] = useState<string | null>(null)
  const suggestions = useSuggestions(gridId, text)
  const submit = async () => {
    const payload = errors.parse(actions['questions.ask'].input, { text, ...(onBehalfOf ? { onBehalfOf } : {}) })
    if (!payload) return
    try {
      const q = await ask.run(payload)
      void Taro.showToast({ title: '已提问', icon: 'success' })
      void Taro.redirectTo({ url: FEED_PAGES.question(q.id) })
    } catch (err) {
      errors.fromError(err)
    }
  }
  return (
    <PageRoot className="page ask">
      <Card title="您的问题">
        <TextField
          id="ask-text"
          multiline
          value={text}
          maxLength={500}
          placeholder="例如：外地的养老保险怎么转到济宁来？"
          error={errors.field('text')}
          onChange={setText}
        />
        <Text className="muted">网格员和入格的部门工作人员会在这里回复您</Text>
      </Card>
      <Neighbours gridId={gridId} value={onBehalfOf} onChange={setOnBehalfOf} />
      <ErrorText message={errors.field('onBehalfOf')} />
      {suggestions.length ? (
        <Card title="这些内容也许能解答">
          {suggestions.map((f) => (
            <View
              key={f.id}
              id={`suggest-${f.id}`}
              className="feed__found"
              onClick={() =>
                void Taro.navigateTo({
                  url: f.kind === 'leaflet' ? FEED_PAGES.post(f.id, gridId) : FEED_PAGES.question(f.id),
                })
              }
            >
              <Tag text={f.kind === 'leaflet' ? '明白纸' : '问答'} tone="blue" />
              <Text>{f.title}</Text>
            </View>
          ))}
        </Card>
      ) : null}
      <ErrorText of="form" id="ask-error" message={errors.message} />
      <Button id="ask-submit" type="primary" block loading={ask.pending} onClick={() => void submit()}>
        提交问题
      </Button>
    </PageRoot>
  )
}
