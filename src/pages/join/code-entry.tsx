import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { Card } from '../../components/card'
import { TextField } from '../../components/text-field'
import { actions } from '../../contract'
import { useFieldErrors } from '../../hooks/use-field-errors'

interface CodeEntryProps {
  initial: string
  /** A problem with the code the page was opened with (e.g. a rotated QR code). */
  problem: string | null
  onLookup: (code: string) => void
}

/** For people who cannot scan: type the 8-character code the grid worker gives out. */
export function CodeEntry({ initial, problem, onLookup }: CodeEntryProps) {
  const [value, setValue] = useState(initial)
  const errors = useFieldErrors(['code'])
  const [shownProblem, setShownProblem] = useState(problem)

  const lookup = () => {
    const parsed = errors.parse(actions['grids.joinPreview'].input, { code: value })
    if (parsed) onLookup(parsed.code)
  }

  return (
    <Card title="输入加入码">
      <TextField
        id="join-code-input"
        label="8 位加入码（印在网格二维码海报上，也可向网格员索取）"
        value={value}
        maxLength={8}
        placeholder="如 K7M2Q9XA"
        error={errors.field('code') ?? shownProblem}
        onChange={(v) => {
          setValue(v.toUpperCase())
          setShownProblem(null)
          errors.clear()
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
