import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import dayjs from 'dayjs'
import type { ActionOutput } from '../../contract'

type Duplicate = ActionOutput<'orders.suggestDuplicates'>['items'][number]

interface DuplicateSheetProps {
  items: Duplicate[]
  busy: boolean
  onMeToo: (id: string) => void
  onSubmitAnyway: () => void
  onCancel: () => void
}

/** Before filing: the same problem may already be reported nearby; joining it raises its priority. */
export function DuplicateSheet({ items, busy, onMeToo, onSubmitAnyway, onCancel }: DuplicateSheetProps) {
  return (
    <View className="snap__sheet-mask">
      <View id="dup-sheet" className="snap__sheet">
        <Text className="card__title">附近已有相同问题</Text>
        <Text className="muted">最近 7 天、100 米内有人反映过，点“我也遇到”可加快办理。</Text>
        {items.map((d) => (
          <View key={d.id} className="snap__dup">
            <View className="snap__dup-text">
              <Text className="snap__dup-title">{d.text || '（无文字描述）'}</Text>
              <Text className="muted">
                约 {d.distanceMetres} 米 · {dayjs(d.createdAt).format('MM-DD HH:mm')} · 已有 {d.repeatCount + 1} 人反映
              </Text>
            </View>
            <Button id={`dup-metoo-${d.id}`} size="small" type="primary" disabled={busy} onClick={() => onMeToo(d.id)}>
              我也遇到
            </Button>
          </View>
        ))}
        <View className="snap__sheet-actions">
          <Button fill="outline" disabled={busy} onClick={onCancel}>
            返回修改
          </Button>
          <Button id="dup-submit-anyway" type="primary" loading={busy} onClick={onSubmitAnyway}>
            仍然提交
          </Button>
        </View>
      </View>
    </View>
  )
}
