import { Input, Text, View } from '@tarojs/components'
import './index.css'

interface LabeledInputProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
  type?: 'text' | 'number' | 'digit'
  /** Chinese message shown under the input (local check or the server's field error). */
  error?: string | null
  onConfirm?: () => void
}

/** A labelled text input with its inline validation message. */
export function LabeledInput({
  id,
  label,
  value,
  onChange,
  placeholder,
  maxLength = 30,
  type = 'text',
  error,
  onConfirm,
}: LabeledInputProps) {
  return (
    <View className="labeled-input">
      <Text className="labeled-input__label">{label}</Text>
      <Input
        id={id}
        className={`labeled-input__box ${error ? 'labeled-input__box--bad' : ''}`}
        type={type}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        placeholderClass="labeled-input__placeholder"
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onConfirm}
      />
      {error ? (
        <Text id={`${id}-error`} className="labeled-input__error">
          {error}
        </Text>
      ) : null}
    </View>
  )
}
