import { Picker, Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { PhotoPicker } from '../../../../components/photo-picker'
import { TextField } from '../../../../components/text-field'
import { LOST_CATEGORIES, type LostKind } from '../../../../contract'
import { LOST_CATEGORY_LABELS, LOST_KIND_LABELS } from '../../../../copy/lostfound'
import { locateDevice } from '../../../../services/location'
import { GridPicker } from './grid-picker'
import { today, type PostDraft } from './use-create-post'

export type Patch = (change: Partial<PostDraft>) => void
export interface PartProps {
  draft: PostDraft
  patch: Patch
  field: (path: string) => string | null
}

const KIND_HINTS: Record<LostKind, string> = {
  lost: '丢了东西：写清是什么、在哪儿丢的，捡到的人会联系您。',
  found: '捡到东西：写清在哪儿捡到的；证件照片只有您和网格员能看到。',
  person: '寻人启事全街道可见，由所选网格负责；居民的线索只发给发布人，不会公开。',
}

/** 寻物启事 / 失物招领 (寻人 for staff), the grid a worker posts for, and the category. */
export function KindCard({
  draft,
  patch,
  field,
  staff,
  workerGrids,
}: PartProps & { staff: boolean; workerGrids: string[] }) {
  const kinds: LostKind[] = staff ? ['lost', 'found', 'person'] : ['lost', 'found']
  return (
    <Card title="发布类型">
      <Chips
        idPrefix="post-kind-"
        items={kinds.map((k) => ({ id: k, label: LOST_KIND_LABELS[k] }))}
        selected={[draft.kind]}
        onToggle={(id) => patch({ kind: kinds.find((k) => k === id) ?? 'lost' })}
      />
      <Text className="muted lf-create__hint">{KIND_HINTS[draft.kind]}</Text>
      <ErrorText message={field('kind')} />
      {workerGrids.length > 0 || (staff && draft.kind === 'person') ? (
        <View className="lf-create__block">
          <Text className="lf-create__label">发布到网格</Text>
          <GridPicker workerGrids={workerGrids} value={draft.gridId} onChange={(gridId) => patch({ gridId })} />
          <ErrorText id="grid-error" message={field('gridId')} />
        </View>
      ) : null}
      {draft.kind !== 'person' ? (
        <View className="lf-create__block">
          <Text className="lf-create__label">物品分类</Text>
          <Chips
            idPrefix="post-cat-"
            items={LOST_CATEGORIES.map((c) => ({ id: c, label: LOST_CATEGORY_LABELS[c] }))}
            selected={draft.category ? [draft.category] : []}
            onToggle={(id) => patch({ category: LOST_CATEGORIES.find((c) => c === id) ?? null })}
          />
          <ErrorText id="category-error" message={field('category')} />
        </View>
      ) : null}
    </Card>
  )
}

const TITLE_HINTS: Record<LostKind, string> = {
  lost: '如：丢失黑色钱包一个',
  found: '如：捡到身份证一张',
  person: '如：寻找王某某的家属',
}

/** Title, description, photos, and the private question of a 失物招领. */
export function WhatCard({ draft, patch, field }: PartProps) {
  return (
    <Card title="内容">
      <TextField
        id="lf-title"
        label="标题"
        placeholder={TITLE_HINTS[draft.kind]}
        value={draft.title}
        maxLength={30}
        error={field('title')}
        onChange={(title) => patch({ title })}
      />
      <TextField
        id="lf-text"
        label="描述"
        multiline
        maxLength={500}
        placeholder={
          draft.kind === 'person' ? '寻人原因、要找的人的特征和联系方式' : '颜色、样式、特征等；号码会自动隐去'
        }
        value={draft.text}
        error={field('text')}
        onChange={(text) => patch({ text })}
      />
      {draft.kind === 'found' ? (
        <TextField
          id="lf-question"
          label="认领问题（仅认领人回答，不公开）"
          placeholder="如：钱包里有几张卡？证件背面贴了什么？"
          value={draft.question}
          maxLength={50}
          error={field('question')}
          onChange={(question) => patch({ question })}
        />
      ) : null}
      <Text className="lf-create__label">照片（最多 3 张）</Text>
      <PhotoPicker id="lf-photo" photos={draft.photos} max={3} onChange={(photos) => patch({ photos })} />
      <ErrorText message={field('photos')} />
    </Card>
  )
}

/** Where in words (a point is optional) and which day. */
export function WhereWhenCard({ draft, patch, field }: PartProps) {
  const [locating, setLocating] = useState<string | null>(null)
  const attach = async () => {
    setLocating('正在定位…')
    const res = await locateDevice()
    if (res.ok) patch({ location: res.at })
    setLocating(res.ok ? null : res.reason)
  }
  const verb = draft.kind === 'found' ? '捡到' : draft.kind === 'lost' ? '丢失' : '发生'
  return (
    <Card title="地点和时间">
      <TextField
        id="lf-place"
        label={`${verb}地点`}
        placeholder="如：南张社区3号楼东门"
        value={draft.place}
        maxLength={50}
        error={field('place')}
        onChange={(place) => patch({ place })}
      />
      <View className="lf-create__row">
        <Text className="muted">{draft.location ? '已附上当前位置' : (locating ?? '地图位置（可选）')}</Text>
        {draft.location ? (
          <Button size="small" fill="outline" onClick={() => patch({ location: null })}>
            去掉位置
          </Button>
        ) : (
          <Button size="small" fill="outline" onClick={() => void attach()}>
            附上当前位置
          </Button>
        )}
      </View>
      <Picker mode="date" value={draft.day} end={today()} onChange={(e) => patch({ day: String(e.detail.value) })}>
        <View id="lf-day" className="lf-create__day">
          <Text className="lf-create__label">{`${verb}日期`}</Text>
          <Text className="lf-create__day-value">{draft.day === today() ? `今天（${draft.day}）` : draft.day} ›</Text>
        </View>
      </Picker>
      <ErrorText message={field('happenedAt')} />
    </Card>
  )
}

/** Street-wide besides the grid (寻人 always is). */
export function WideSwitch({ draft, patch }: Omit<PartProps, 'field'>) {
  if (draft.kind === 'person') return null
  return (
    <Card>
      <View className="lf-create__switch">
        <View className="lf-create__switch-text">
          <Text>全街道可见</Text>
          <Text className="muted">默认只在本网格显示；打开后全街道的居民都能看到</Text>
        </View>
        <Switch id="lf-wide" checked={draft.wide} color="#e53029" onChange={(e) => patch({ wide: e.detail.value })} />
      </View>
    </Card>
  )
}
