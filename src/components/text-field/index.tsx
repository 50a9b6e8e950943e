import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorText } from '../error-text'
import './index.css'

interface TextFieldProps {
  id: string
  label?: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
  type?: 'text' | 'number' | 'digit'
  /** A text area (several lines) instead of a one-line input. */
  multiline?: boolean
  /** Monospace text, for coordinates. */
  mono?: boolean
  /** Chinese message shown under the input (the contract's rule or the server's field error). */
  error?: string | null
  onConfirm?: () => void
  /** A button beside the input, e.g. 保存 or 查询. */
  action?: ReactNode
}

/** A labelled input with its inline message; the one text field of every form. */
export function TextField(props: TextFieldProps) {
  const { id, label, error, action } = props
  return (
    <View className="text-field">
      {label ? <Text className="text-field__label">{label}</Text> : null}
      <View className="text-field__row">
        <FieldBox {...props} />
        {action}
      </View>
      <ErrorText id={`${id}-error`} message={error ?? null} />
    </View>
  )
}

function FieldBox(props: TextFieldProps) {
  const { id, value, onChange, placeholder, maxLength = 30, type = 'text', multiline, mono, error, onConfirm } = props
  const className = [
    'text-field__box',
    multiline ? 'text-field__box--multiline' : '',
    mono ? 'text-field__box--mono' : '',
    error ? 'text-field__box--bad' : '',
  ].join(' ')
  if (multiline) {
    return (
      <Textarea
        id={id}
        className={className}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        placeholderClass="text-field__placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
    )
  }
  return (
    <Input
      id={id}
      className={className}
      type={type}
      value={value}
      maxlength={maxLength}
      placeholder={placeholder}
      placeholderClass="text-field__placeholder"
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
    />
  )
}
