import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { PolygonPreview } from '../../../../components/grids/polygon-preview'
import { TextField } from '../../../../components/text-field'
import { parsePolygonText } from './polygon-text'

interface PolygonFieldProps {
  value: string
  onChange: (text: string) => void
  error: string | null
}

/** The boundary as text, one corner per line, with a live sketch of its shape. */
export function PolygonField({ value, onChange, error }: PolygonFieldProps) {
  const parsed = useMemo(() => parsePolygonText(value), [value])
  return (
    <View className="grid-form__field">
      <TextField
        id="grid-polygon"
        label="网格边界（每行一个点：纬度,经度，GCJ-02，按顺序描点，至少 3 个）"
        multiline
        mono
        maxLength={8000}
        placeholder={'35.4200,116.5800\n35.4200,116.5850\n35.4240,116.5850\n35.4240,116.5800'}
        value={value}
        error={error}
        onChange={onChange}
      />
      <Text className="muted">{`已读取 ${parsed.points.length} 个点`}</Text>
      <PolygonPreview points={parsed.points} />
    </View>
  )
}
