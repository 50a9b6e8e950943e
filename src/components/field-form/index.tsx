import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fieldMessage, userMessage } from '../../services/call-error'
import './index.css'

interface FieldFormProps {
  label: string
  /** Field name in the action's payload, to show the server's message for it. */
  field: string
  inputId: string
  saveId: string
  initial: string
  placeholder: string
  type?: 'text' | 'number'
  maxLength: number
  pending: boolean
  validate: (value: string) => string | null
  onSave: (value: string) => Promise<unknown>
}

/** One editable profile field: input, inline Chinese validation, a save button with loading state. */
export function FieldForm(props: FieldFormProps) {
  const {
    label,
    field,
    inputId,
    saveId,
    initial,
    placeholder,
    type = 'text',
    maxLength,
    pending,
    validate,
    onSave,
  } = props
  const [value, setValue] = useState(initial)
  const [dirty, setDirty] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!dirty) setValue(initial)
  }, [initial, dirty])

  const save = async () => {
    const local = validate(value)
    setProblem(local)
    if (local) return
    try {
      await onSave(value.trim())
      setDirty(false)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setProblem(fieldMessage(err, field) ?? userMessage(err))
    }
  }

  return (
    <View className="field-form">
      <Text className="field-form__label">{label}</Text>
      <View className="field-form__row">
        <Input
          id={inputId}
          className={`field-form__input ${problem ? 'field-form__input--bad' : ''}`}
          type={type}
          value={value}
          maxlength={maxLength}
          placeholder={placeholder}
          placeholderClass="field-form__placeholder"
          onInput={(e) => {
            setValue(e.detail.value)
            setDirty(true)
            if (problem) setProblem(null)
          }}
          onConfirm={() => void save()}
        />
        <Button
          id={saveId}
          type="primary"
          size="small"
          loading={pending}
          disabled={pending}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
      {problem ? (
        <Text id={`${inputId}-error`} className="field-form__error">
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
