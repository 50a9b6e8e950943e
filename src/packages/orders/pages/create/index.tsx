import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { GridChips } from '../../../../components/grids/grid-chips'
import { CategoryField } from '../../../../components/orders/category-field'
import { PageStatus } from '../../../../components/page-status'
import { PhotoPicker } from '../../../../components/photo-picker'
import { TextField } from '../../../../components/text-field'
import { SOURCE_LABELS } from '../../../../copy/orders'
import type { MeView } from '../../../../contract'
import { useMe } from '../../../../hooks/use-me'
import { workerGridIds } from '../../../../services/areas'
import { locateDevice } from '../../../../services/location'
import { ResidentPicker } from './resident-picker'
import { useCreateOrder, type CreateDraft, type Source } from './use-create-order'
import './index.css'

const HINTS: Record<Source, string> = {
  demand: '向网格反映需要解决的问题',
  patrol: '网格员巡查中发现的问题',
  proxy: '为不会用手机的居民登记',
}

type Patch = (change: Partial<CreateDraft>) => void
type Errors = ReturnType<typeof useCreateOrder>['errors']

interface PartProps {
  draft: CreateDraft
  patch: Patch
  errors: Errors
}

/** 诉求 for everyone; 巡查 and 代办 for grid workers, in one of their grids (代办: for a recorded resident). */
function SourceCard({ draft, patch, errors, myGrids }: PartProps & { myGrids: string[] }) {
  const sources: Source[] = myGrids.length > 0 ? ['demand', 'patrol', 'proxy'] : ['demand']
  return (
    <Card title="登记类型">
      <Chips
        idPrefix="source-"
        items={sources.map((s) => ({ id: s, label: SOURCE_LABELS[s] }))}
        selected={[draft.source]}
        onToggle={(id) => patch({ source: sources.find((s) => s === id) ?? 'demand' })}
      />
      <Text className="muted order-create__hint">{HINTS[draft.source]}</Text>
      {draft.source !== 'demand' ? (
        <GridChips gridIds={myGrids} value={draft.gridId} onChange={(gridId) => patch({ gridId })} />
      ) : null}
      <ErrorText message={errors.field('gridId')} />
      {draft.source === 'proxy' && draft.gridId ? (
        <ResidentPicker gridId={draft.gridId} value={draft.resident} onChange={(resident) => patch({ resident })} />
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
        <Text className="muted">
          {draft.location
            ? `已附位置 ${draft.location.lat.toFixed(4)}, ${draft.location.lng.toFixed(4)}`
            : (locating ?? '位置（可选）')}
        </Text>
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

/** 诉求 / 巡查 / 代办: like 随手拍, but the grid comes from home or from the worker's choice. */
function CreateForm({ me, source }: { me: MeView; source: Source }) {
  const create = useCreateOrder(me.id)
  const [draft, setDraft] = useState<CreateDraft>({ ...EMPTY_DRAFT, source })
  const patch: Patch = (change) => {
    setDraft((d) => ({ ...d, ...change }))
    for (const key of Object.keys(change)) create.errors.dismiss(key === 'resident' ? 'onBehalfOf' : key)
  }
  const parts = { draft, patch, errors: create.errors }
  return (
    <View className="page order-create">
      <SourceCard {...parts} myGrids={workerGridIds(me.roles)} />
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
    </View>
  )
}

export default function CreateOrderPage() {
  const source = initialSource(useRouter().params.source)
  const { me, loading, error, reload } = useMe()
  if (!me) return <PageStatus loading={loading} error={error} onRetry={() => void reload()} />
  return <CreateForm me={me} source={source} />
}
