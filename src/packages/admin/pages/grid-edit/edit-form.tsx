import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../../../components/card'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import { actions, type GridHome } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { userMessage } from '../../../../services/call-error'
import { GridFormEnd } from './grid-form-end'
import { formatPolygon } from './polygon-text'
import { useGridForm } from './use-grid-form'

const SHOWN = ['name', 'polygon', 'notes'] as const

interface GridProps {
  grid: GridHome
  onSaved: (grid: GridHome) => void
}

async function confirmArchive(grid: GridHome): Promise<boolean> {
  const stopping = !grid.archived
  const answer = await Taro.showModal({
    title: stopping ? '停用网格' : '恢复网格',
    content: stopping
      ? `停用后，居民无法再扫码加入${grid.name}，随手拍也不再落入该网格；已有居民和工单会保留。确定停用吗？`
      : `恢复后，${grid.name}重新接受居民加入和上报。确定恢复吗？`,
    confirmText: stopping ? '确定停用' : '确定恢复',
    confirmColor: '#e53029',
  })
  return answer.confirm
}

/** The grid at a glance; hand out a worker invite for it; stop or restore it. */
function GridSummary({ grid, onSaved }: GridProps) {
  const archive = useAction('grids.archive')
  const toggleArchive = async () => {
    if (!(await confirmArchive(grid))) return
    try {
      onSaved(await archive.run({ gridId: grid.id, archived: !grid.archived }))
      void Taro.showToast({ title: grid.archived ? '已恢复' : '已停用', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }
  const workers = grid.workers.map((w) => w.nickname).join('、') || '未配备'
  return (
    <Card
      title={`${grid.name}（${grid.code}）`}
      extra={grid.archived ? <Tag text="已停用" /> : <Tag text="使用中" tone="green" />}
    >
      <Text className="para">{`${grid.communityName} · ${grid.memberCount} 位居民 · 网格员 ${workers}`}</Text>
      <View className="grid-form__row">
        <Button
          id="grid-invite"
          size="small"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: `/packages/admin/pages/invites/index?gridId=${grid.id}` })}
        >
          发放网格员邀请码
        </Button>
        <Button
          id="grid-archive"
          size="small"
          fill="outline"
          loading={archive.pending}
          onClick={() => void toggleArchive()}
        >
          {grid.archived ? '恢复网格' : '停用网格'}
        </Button>
      </View>
    </Card>
  )
}

/** 修改网格: name, boundary and notes, checked by grids.update's schema. */
function GridChanges({ grid, onSaved }: GridProps) {
  const update = useAction('grids.update')
  const initial = { name: grid.name, notes: grid.notes, polygon: formatPolygon(grid.polygon) }
  const form = useGridForm(initial, SHOWN)
  const { values, field, errors, check } = form

  const save = async () => {
    const input = check(actions['grids.update'].input, (polygon) => ({ ...values, gridId: grid.id, polygon }))
    if (!input) return
    try {
      onSaved(await update.run(input))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      errors.fromError(err)
    }
  }

  return (
    <Card title="修改网格">
      <TextField id="grid-name-input" label="网格名称" maxLength={30} {...field('name')} />
      <GridFormEnd
        form={form}
        around={{ gridId: grid.id }}
        gridId={grid.id}
        pending={update.pending}
        saveText="保存修改"
        onSave={() => void save()}
      />
    </Card>
  )
}

/** 编辑网格: the summary with its tools, and the form. */
export function EditForm(props: GridProps) {
  return (
    <View>
      <GridSummary {...props} />
      <GridChanges {...props} />
    </View>
  )
}
