import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { CategoryField } from '../../../../components/orders/category-field'
import { PageStatus } from '../../../../components/page-status'
import { PhotoPicker } from '../../../../components/photo-picker'
import { TextField } from '../../../../components/text-field'
import { SOURCE_LABELS } from '../../../../copy/orders'
import { DESK_FILINGS, type Desk, type MeView } from '../../../../contract'
import { useDesk } from '../../../../hooks/use-desk'
import { useMe } from '../../../../hooks/use-me'
import { hasWorkerArea, workerGridIds } from '../../../../services/areas'
import { locateDevice } from '../../../../services/location'
import { NeighbourPicker, ResidentPicker } from './resident-picker'
import { useCreateOrder, type CreateDraft, type Source } from './use-create-order'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

const HINTS: Record<Source, string> = {
  demand: '向网格反映需要解决的困难和问题，网格员会联系您',
  patrol: '巡查中发现的问题',
  proxy: '替不会用手机的居民登记',
}

type Patch = (change: Partial<CreateDraft>) => void
type Errors = ReturnType<typeof useCreateOrder>['errors']

interface PartProps {
  draft: CreateDraft
  patch: Patch
  errors: Errors
}

/** The grids where this source may be filed, from the desk (the same table the server checks). */
const gridsFor = (desk: Desk | null, source: Source) =>
  (desk?.filings ?? []).filter((f) => source !== 'demand' && f.kinds.includes(source))

/** 诉求 for everyone; 巡查 and 代办 where the desk allows them (代办: for a recorded resident). */
function SourceCard({ draft, patch, errors, desk, me }: PartProps & { desk: Desk | null; me: MeView }) {
  const sources: Source[] = ['demand', ...DESK_FILINGS.filter((k) => gridsFor(desk, k).length > 0)]
  const grids = gridsFor(desk, draft.source)
  const worksGrid = !!draft.gridId && workerGridIds(me.roles).includes(draft.gridId)
  return (
    <Card title="登记类型">
      <Chips
        idPrefix="source-"
        items={sources.map((s) => ({ id: s, label: SOURCE_LABELS[s] }))}
        selected={[draft.source]}
        onToggle={(id) => patch({ source: sources.find((s) => s === id) ?? 'demand', resident: null })}
      />
      <Text className="muted order-create__hint">{HINTS[draft.source]}</Text>
      {draft.source !== 'demand' ? (
        <Chips
          idPrefix="create-grid-"
          items={grids.map((g) => ({ id: g.gridId, label: g.gridName }))}
          selected={draft.gridId ? [draft.gridId] : []}
          onToggle={(gridId) => patch({ gridId, resident: null })}
        />
      ) : null}
      <ErrorText message={errors.field('gridId')} />
      {draft.source === 'proxy' && draft.gridId ? (
        worksGrid ? (
          <ResidentPicker gridId={draft.gridId} value={draft.resident} onChange={(resident) => patch({ resident })} />
        ) : (
          <NeighbourPicker gridId={draft.gridId} value={draft.resident} onChange={(resident) => patch({ resident })} />
        )
      ) : null}
      <ErrorText message={errors.field('onBehalfOf')} />
    </Card>
  )
}

function DescriptionCard({ draft, patch, errors }: PartProps) {
  const [locating, setLocating] = useState<string | null>(null)
  const attachLocation = async () => {
    const res = await locateDevice()
    if (res.ok) patch({ location: res.at })
    setLocating(res.ok ? null : res.reason)
  }
  return (
    <Card title="问题描述">
      <TextField
        id="create-text"
        multiline
        maxLength={300}
        placeholder="请写明问题、地点和诉求"
        value={draft.text}
        error={errors.field('text')}
        onChange={(text) => patch({ text })}
      />
      <View className="order-create__block">
        <PhotoPicker id="create-photo" photos={draft.photos} max={3} onChange={(photos) => patch({ photos })} />
      </View>
      <View className="order-create__row">
        <Text className="muted">{draft.location ? '已附上当前位置' : (locating ?? '位置（可选）')}</Text>
        <Button size="small" fill="outline" onClick={() => void attachLocation()}>
          附上当前位置
        </Button>
      </View>
    </Card>
  )
}

const EMPTY_DRAFT: CreateDraft = {
  source: 'demand',
  categoryId: null,
  text: '',
  photos: [],
  location: null,
  gridId: null,
  resident: null,
}

function initialSource(param: string | undefined): Source {
  return param === 'patrol' || param === 'proxy' ? param : 'demand'
}

/** 诉求 / 巡查 / 代办: like 随手拍, but the grid comes from home or from the filer's choice. */
function CreateForm({ me, desk, preset }: { me: MeView; desk: Desk | null; preset: Partial<CreateDraft> }) {
  const create = useCreateOrder(me.id)
  const [draft, setDraft] = useState<CreateDraft>(() => {
    const source = preset.source ?? 'demand'
    const grids = gridsFor(desk, source)
    const gridId =
      grids.find((g) => g.gridId === preset.gridId)?.gridId ?? (grids.length === 1 ? grids[0]?.gridId : null)
    return { ...EMPTY_DRAFT, source, gridId: gridId ?? null, resident: gridId ? (preset.resident ?? null) : null }
  })
  const patch: Patch = (change) => {
    setDraft((d) => ({ ...d, ...change }))
    for (const key of Object.keys(change)) create.errors.dismiss(key === 'resident' ? 'onBehalfOf' : key)
  }
  const parts = { draft, patch, errors: create.errors }
  return (
    <PageRoot className="page order-create">
      <SourceCard {...parts} desk={desk} me={me} />
      <CategoryField
        value={draft.categoryId}
        onChange={(categoryId) => patch({ categoryId })}
        error={create.errors.field('categoryId')}
      />
      <DescriptionCard {...parts} />
      <ErrorText of="form" id="create-error" message={create.errors.message} />
      <Button
        id="create-submit"
        type="primary"
        block
        loading={create.busy}
        disabled={create.busy}
        onClick={() => void create.submit(draft)}
      >
        {create.progress ?? '提交'}
      </Button>
    </PageRoot>
  )
}

export default function CreateOrderPage() {
  const params = useRouter().params
  const { me, loading, error, reload } = useMe()
  const staff = !!me && hasWorkerArea(me.roles)
  const desk = useDesk(staff)
  if (!me || (staff && !desk.data))
    return (
      <PageStatus
        loading={loading || desk.loading}
        error={error ?? desk.error}
        onRetry={() => void Promise.all([reload(), desk.reload()])}
      />
    )
  const preset = {
    source: initialSource(params.source),
    gridId: params.gridId ?? null,
    resident: params.resident ?? null,
  }
  return <CreateForm me={me} desk={desk.data} preset={preset} />
}
