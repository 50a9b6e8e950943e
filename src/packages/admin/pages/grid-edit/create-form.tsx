import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { CallError } from '../../../../services/call-error'
import { GridFormEnd } from './grid-form-end'
import { useGridForm } from './use-grid-form'

type Tree = ActionOutput<'grids.tree'>
const SHOWN = ['communityId', 'name', 'code', 'polygon', 'notes'] as const

/** The new grid's fields, checked by grids.create's schema; a taken code is said under the code. */
function useCreateGrid(initialCommunity: string | null) {
  const create = useAction('grids.create')
  const form = useGridForm({ communityId: initialCommunity ?? '', name: '', code: '', polygon: '', notes: '' }, SHOWN)
  const save = async () => {
    const { values } = form
    const input = form.check(actions['grids.create'].input, (polygon) => ({
      ...values,
      communityId: values.communityId || undefined,
      polygon,
    }))
    if (!input) return
    try {
      const grid = await create.run(input)
      void Taro.showToast({ title: '网格已创建', icon: 'success' })
      void Taro.redirectTo({ url: `/packages/admin/pages/grid-edit/index?gridId=${grid.id}&created=1` })
    } catch (err) {
      if (err instanceof CallError && err.code === 'CONFLICT') form.errors.reject('code', err.message)
      else form.errors.fromError(err)
    }
  }
  return { ...form, save, pending: create.pending }
}

/** 新建网格: community, name, code like NZ-05, and the boundary. */
export function CreateForm({ tree, initialCommunity }: { tree: Tree; initialCommunity: string | null }) {
  const form = useCreateGrid(initialCommunity)
  const { values, field, errors, save, pending } = form
  const communities = tree.streets.flatMap((s) => s.communities).map((c) => ({ id: c.id, label: c.name }))
  const code = field('code')
  return (
    <Card title="新建网格">
      <Text className="grid-form__label">所属社区</Text>
      <Chips
        idPrefix="grid-community-"
        items={communities}
        selected={[values.communityId]}
        onToggle={field('communityId').onChange}
        empty="没有可管理的社区"
      />
      <ErrorText message={errors.field('communityId')} />
      <View className="grid-form__gap" />
      <TextField
        id="grid-name-input"
        label="网格名称"
        maxLength={30}
        placeholder="如 南张社区第五网格"
        {...field('name')}
      />
      <TextField
        id="grid-code-input"
        label="网格编号（社区字母缩写-序号）"
        maxLength={7}
        placeholder="如 NZ-05"
        {...code}
        onChange={(v) => code.onChange(v.toUpperCase())}
      />
      <GridFormEnd
        form={form}
        around={values.communityId ? { communityId: values.communityId } : null}
        gridId={null}
        pending={pending}
        saveText="创建网格"
        onSave={() => void save()}
      />
    </Card>
  )
}
