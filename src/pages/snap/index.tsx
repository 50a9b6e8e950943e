import { Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../components/card'
import { ErrorText } from '../../components/error-text'
import { CategoryField } from '../../components/orders/category-field'
import { PageStatus } from '../../components/page-status'
import { PhotoPicker } from '../../components/photo-picker'
import { TextField } from '../../components/text-field'
import { useMe } from '../../hooks/use-me'
import { DuplicateSheet } from './duplicate-sheet'
import { LocationField } from './location-field'
import { useSnapDraft, useSnapSubmit, type SnapDraft } from './use-snap'
import './index.css'
import { PageRoot } from '../../components/page-root'

const openMine = () => void Taro.navigateTo({ url: '/packages/orders/pages/mine/index' })

function PhotoAndPlace({ draft }: { draft: SnapDraft }) {
  return (
    <Card title="随手拍">
      <Text className="muted">拍下隐患或不文明现象，按位置自动送到所在网格。</Text>
      <View className="snap__block">
        <PhotoPicker id="snap-photo" photos={draft.photos} max={3} onChange={draft.setPhotos} />
      </View>
      <LocationField value={draft.location} onChange={draft.setLocation} />
    </Card>
  )
}

function Note({ draft, error }: { draft: SnapDraft; error: string | null }) {
  return (
    <Card title="补充说明（可选）">
      <TextField
        id="snap-text"
        multiline
        maxLength={300}
        placeholder="如：南张社区3号楼东侧僵尸车占道"
        value={draft.text}
        error={error}
        onChange={draft.setText}
      />
      <View className="snap__anon">
        <Text>匿名上报（仅工作人员可见姓名）</Text>
        <Switch
          id="snap-anon"
          checked={draft.anonymous}
          color="#e53029"
          onChange={(e) => draft.setAnonymous(e.detail.value)}
        />
      </View>
    </Card>
  )
}

/** Photo, place, category, a line of text: 提交, or join a report of the same problem nearby. */
function SnapForm({ ownerId }: { ownerId: string }) {
  const draft = useSnapDraft()
  const send = useSnapSubmit(draft, ownerId)
  return (
    <PageRoot className="page snap">
      <PhotoAndPlace draft={draft} />
      <CategoryField
        value={draft.categoryId}
        onChange={(id) => {
          draft.setCategoryId(id)
          send.errors.dismiss('categoryId')
        }}
        error={send.errors.field('categoryId')}
      />
      <Note draft={draft} error={send.errors.field('text')} />
      <ErrorText of="form" id="snap-error" message={send.errors.message} />
      <Button
        id="snap-submit"
        type="primary"
        block
        loading={send.busy}
        disabled={send.busy}
        onClick={() => void send.submit()}
      >
        {send.progress ?? '提交'}
      </Button>
      <Button className="snap__mine" fill="none" block onClick={openMine}>
        查看我的上报
      </Button>
      {send.duplicates ? (
        <DuplicateSheet
          items={send.duplicates}
          busy={send.busy}
          onMeToo={(id) => void send.meToo(id)}
          onSubmitAnyway={() => void send.fileAnyway()}
          onCancel={send.dismiss}
        />
      ) : null}
    </PageRoot>
  )
}

export default function SnapPage() {
  const { me, loading, error, reload } = useMe()
  if (!me) return <PageStatus loading={loading} error={error} onRetry={() => void reload()} />
  return <SnapForm ownerId={me.id} />
}
