import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ActionOutput } from '../../../../contract'
import { ChipGroup } from '../../../../components/grids/chip-group'
import { useAction } from '../../../../hooks/use-action'
import { userMessage } from '../../../../services/call-error'

type Department = ActionOutput<'departments.list'>['items'][number]
type Grid = ActionOutput<'grids.tree'>['streets'][number]['communities'][number]['grids'][number]

interface DepartmentEditorProps {
  department: Department
  grids: Grid[]
  onChanged: () => void
}

/** Pick grids, then 入格 (the department joins them) or 退出 (it leaves them). */
export function DepartmentEditor({ department, grids, onChanged }: DepartmentEditorProps) {
  const enter = useAction('departments.enterGrids')
  const [picked, setPicked] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const toggle = (id: string) => setPicked(picked.includes(id) ? picked.filter((g) => g !== id) : [...picked, id])
  const entered = new Set(department.gridIds)

  const apply = async (into: boolean) => {
    if (picked.length === 0) return setProblem('请先选择网格')
    setProblem(null)
    try {
      const { changed } = await enter.run({ departmentId: department.id, gridIds: picked, enter: into })
      void Taro.showToast({
        title: changed ? `${into ? '已入格' : '已退出'} ${changed} 个网格` : '没有需要变更的网格',
        icon: 'none',
      })
      setPicked([])
      onChanged()
    } catch (err) {
      setProblem(userMessage(err))
    }
  }

  return (
    <View className="dept-editor">
      <Text className="muted">选择网格后点“入格”或“退出”。已入格的网格标有 ✓。</Text>
      <View className="dept-editor__chips">
        <ChipGroup
          idPrefix="dept-grid-"
          items={grids.map((g) => ({ id: g.id, label: `${entered.has(g.id) ? '✓ ' : ''}${g.name}` }))}
          selected={picked}
          onToggle={toggle}
          empty="没有可管理的网格"
        />
      </View>
      {problem ? <Text className="dept__error">{problem}</Text> : null}
      <View className="dept-editor__actions">
        <Button id="dept-leave" fill="outline" disabled={enter.pending} onClick={() => void apply(false)}>
          退出所选网格
        </Button>
        <Button
          id="dept-enter"
          type="primary"
          loading={enter.pending}
          disabled={enter.pending}
          onClick={() => void apply(true)}
        >
          入格
        </Button>
      </View>
    </View>
  )
}
