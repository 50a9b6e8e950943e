import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { actions, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/use-field-errors'

export type Department = ActionOutput<'departments.list'>['items'][number]
export type Grid = ActionOutput<'grids.tree'>['streets'][number]['communities'][number]['grids'][number]

interface DepartmentEditorProps {
  department: Department
  grids: Grid[]
  onChanged: () => void
}

/** The picked grids, and 入格 / 退出 for them through departments.enterGrids. */
function useEnterGrids(department: Department, onChanged: () => void) {
  const enter = useAction('departments.enterGrids')
  const errors = useFieldErrors(['gridIds'], { gridIds: '网格' })
  const [picked, setPicked] = useState<string[]>([])
  const toggle = (id: string) => setPicked(picked.includes(id) ? picked.filter((g) => g !== id) : [...picked, id])

  const apply = async (into: boolean) => {
    const input = errors.parse(actions['departments.enterGrids'].input, {
      departmentId: department.id,
      gridIds: picked,
      enter: into,
    })
    if (!input) return
    try {
      const { changed } = await enter.run(input)
      const title = changed ? `${into ? '已入格' : '已退出'} ${changed} 个网格` : '没有需要变更的网格'
      void Taro.showToast({ title, icon: 'none' })
      setPicked([])
      onChanged()
    } catch (err) {
      errors.fromError(err)
    }
  }
  return { picked, toggle, apply, errors, pending: enter.pending }
}

/** Pick grids, then 入格 (the department joins them) or 退出 (it leaves them). */
export function DepartmentEditor({ department, grids, onChanged }: DepartmentEditorProps) {
  const { picked, toggle, apply, errors, pending } = useEnterGrids(department, onChanged)
  const entered = new Set(department.gridIds)
  return (
    <View className="dept-editor">
      <Text className="muted">选择网格后点“入格”或“退出”。已入格的网格标有 ✓。</Text>
      <View className="dept-editor__chips">
        <Chips
          idPrefix="dept-grid-"
          items={grids.map((g) => ({ id: g.id, label: `${entered.has(g.id) ? '✓ ' : ''}${g.name}` }))}
          selected={picked}
          onToggle={toggle}
          empty="没有可管理的网格"
        />
      </View>
      <ErrorText message={errors.field('gridIds') ?? errors.message} />
      <View className="dept-editor__actions">
        <Button id="dept-leave" fill="outline" disabled={pending} onClick={() => void apply(false)}>
          退出所选网格
        </Button>
        <Button id="dept-enter" type="primary" loading={pending} disabled={pending} onClick={() => void apply(true)}>
          入格
        </Button>
      </View>
    </View>
  )
}
