import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { JoinCodeSchema } from '../../contract'
import { Card } from '../../components/card'
import { LabeledInput } from '../../components/grids/labeled-input'

interface CodeEntryProps {
  initial: string
  /** A problem with the code the page was opened with (e.g. a rotated QR code). */
  problem: string | null
  onLookup: (code: string) => void
}

/** For people who cannot scan: type the 8-character code the grid worker gives out. */
export function CodeEntry({ initial, problem, onLookup }: CodeEntryProps) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(problem)

  const lookup = () => {
    const parsed = JoinCodeSchema.safeParse(value)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '加入码应为 8 位字母或数字')
    setError(null)
    onLookup(parsed.data)
  }

  return (
    <Card title="输入加入码">
      <LabeledInput
        id="join-code-input"
        label="8 位加入码（印在网格二维码海报上，也可向网格员索取）"
        value={value}
        maxLength={8}
        placeholder="如 K7M2Q9XA"
        error={error}
        onChange={(v) => {
          setValue(v.toUpperCase())
          setError(null)
        }}
        onConfirm={lookup}
      />
      <View>
        <Button id="join-lookup" type="primary" block onClick={lookup}>
          查看网格
        </Button>
      </View>
    </Card>
  )
}
