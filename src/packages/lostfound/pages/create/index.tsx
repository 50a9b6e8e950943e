import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ErrorText } from '../../../../components/error-text'
import { PageStatus } from '../../../../components/page-status'
import type { MeView } from '../../../../contract'
import { isLostFoundStaff } from '../../../../copy/lostfound'
import { useMe } from '../../../../hooks/use-me'
import { workerGridIds } from '../../../../services/areas'
import { KindCard, WhatCard, WhereWhenCard, WideSwitch, type Patch } from './parts'
import { today, useCreatePost, type PostDraft } from './use-create-post'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

const emptyDraft = (gridId: string | null): PostDraft => ({
  kind: 'lost',
  category: null,
  title: '',
  text: '',
  question: '',
  place: '',
  location: null,
  day: today(),
  photos: [],
  wide: false,
  gridId,
})

/** 发布启事: kind, category, what, where and when, photos; staff pick their grid and may post 寻人. */
function CreateForm({ me }: { me: MeView }) {
  const workerGrids = workerGridIds(me.roles)
  const create = useCreatePost()
  const [draft, setDraft] = useState<PostDraft>(() =>
    emptyDraft(workerGrids.length === 1 ? (workerGrids[0] ?? null) : null),
  )
  const patch: Patch = (change) => {
    setDraft((d) => ({ ...d, ...change }))
    for (const key of Object.keys(change)) create.errors.dismiss(key === 'day' ? 'happenedAt' : key)
  }
  const parts = { draft, patch, field: create.errors.field }
  return (
    <PageRoot className="page lf-create">
      <KindCard {...parts} staff={isLostFoundStaff(me.roles)} workerGrids={workerGrids} />
      <WhatCard {...parts} />
      <WhereWhenCard {...parts} />
      <WideSwitch draft={draft} patch={patch} />
      <ErrorText of="form" id="lf-create-error" message={create.errors.message} />
      <Button
        id="lf-submit"
        type="primary"
        block
        loading={create.busy}
        disabled={create.busy}
        onClick={() => void create.submit(draft)}
      >
        {create.progress ?? '发布'}
      </Button>
    </PageRoot>
  )
}

export default function CreatePostPage() {
  const { me, loading, error, reload } = useMe()
  if (!me) return <PageStatus loading={loading} error={error} onRetry={() => void reload()} />
  return <CreateForm me={me} />
}
