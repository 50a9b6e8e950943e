import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useCallback, useState } from 'react'
import { Chips } from '../../../../components/chips'
import { TextField } from '../../../../components/text-field'
import { actions, type ActionOutput } from '../../../../contract'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { call } from '../../../../services/api'
import { useQuery } from '../../../../hooks/use-query'

type Member = ActionOutput<'grids.members'>['items'][number]

interface ResidentPickerProps {
  gridId: string
  value: string | null
  onChange: (membershipId: string) => void
}

const describe = (m: Member) => `${m.name} · ${m.building}号楼${m.unit}单元${m.room}${m.offline ? '（无手机）' : ''}`

/** 代办: find the offline resident in the grid's records (the look-up is audit-logged). */
export function ResidentPicker({ gridId, value, onChange }: ResidentPickerProps) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Member[] | null>(null)
  const errors = useFieldErrors(['q'])
  const search = async () => {
    const query = errors.parse(actions['grids.members'].input, { gridId, q: q || undefined })
    if (!query) return
    try {
      setFound((await call('grids.members', query)).items)
    } catch (err) {
      errors.fromError(err)
    }
  }
  return (
    <View className="order-create__picker">
      <TextField
        id="proxy-search"
        placeholder="住户姓名或楼号"
        value={q}
        maxLength={20}
        error={errors.field('q') ?? errors.message}
        onChange={setQ}
        onConfirm={() => void search()}
        action={
          <Button size="small" type="primary" onClick={() => void search()}>
            查找
          </Button>
        }
      />
      <Chips
        idPrefix="proxy-"
        items={(found ?? []).map((m) => ({ id: m.id, label: describe(m) }))}
        selected={value ? [value] : []}
        onToggle={onChange}
        empty={found ? '没有找到，请先在住户名册中登记无手机住户' : ''}
      />
    </View>
  )
}

/** 楼长's 代办: a neighbour of their own building, picked from its list (phones masked). */
export function NeighbourPicker({ gridId, value, onChange }: ResidentPickerProps) {
  const building = useQuery(useCallback(() => call('desk.building', { gridId }), [gridId]))
  if (!building.data) return <Text className="muted">{building.error ?? '正在加载本楼住户…'}</Text>
  const neighbours = building.data.items.filter((m) => !m.isBuildingHead)
  return (
    <Chips
      idPrefix="proxy-"
      items={neighbours.map((m) => ({
        id: m.id,
        label: `${m.name} · ${m.unit}单元${m.room}${m.offline ? '（无手机）' : ''}`,
      }))}
      selected={value ? [value] : []}
      onToggle={onChange}
      empty="本楼还没有登记的邻居，请联系网格员登记"
    />
  )
}
