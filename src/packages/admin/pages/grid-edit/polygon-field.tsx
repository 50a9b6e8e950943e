import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { PolygonEditor, type Around } from './polygon-editor'
import { formatPolygon, parsePolygonText } from './polygon-text'

interface PolygonFieldProps {
  value: string
  onChange: (text: string) => void
  error: string | null
  /** Where the grid lies (its own id, or the community of a new one): the sketch draws that street. */
  around: Around
  gridId: string | null
}

/** The boundary drawn on the map; pasting coordinates (one 纬度,经度 per line) stays as the expert path. */
export function PolygonField({ value, onChange, error, around, gridId }: PolygonFieldProps) {
  const parsed = useMemo(() => parsePolygonText(value), [value])
  const [expert, setExpert] = useState(false)
  return (
    <View className="grid-form__field">
      <Text className="text-field__label">网格边界（在地图上按顺序描点，至少 3 个）</Text>
      <PolygonEditor
        around={around}
        gridId={gridId}
        vertices={parsed.error ? [] : parsed.points}
        onChange={(points) => onChange(formatPolygon(points))}
      />
      {expert ? null : <ErrorText id="grid-boundary-error" message={error ?? parsed.error} />}
      <Button id="grid-polygon-expert" size="small" fill="none" onClick={() => setExpert(!expert)}>
        {expert ? '收起坐标' : '高级：粘贴坐标'}
      </Button>
      {expert ? (
        <TextField
          id="grid-polygon"
          label="每行一个点：纬度,经度（与地图同一坐标系）"
          multiline
          mono
          maxLength={8000}
          placeholder={'35.4200,116.5800\n35.4200,116.5850\n35.4240,116.5850\n35.4240,116.5800'}
          value={value}
          error={error ?? parsed.error}
          onChange={onChange}
        />
      ) : null}
    </View>
  )
}
