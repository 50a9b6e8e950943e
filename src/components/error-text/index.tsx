import { Text } from '@tarojs/components'
import './index.css'

interface ErrorTextProps {
  id?: string
  message: string | null
  /** 'field': under one field (chips, pickers, inputs); 'form': the form's own sentence above its button. */
  of?: 'field' | 'form'
}

/** A Chinese error message in red; nothing when there is none. */
export function ErrorText({ id, message, of = 'field' }: ErrorTextProps) {
  if (!message) return null
  return (
    <Text id={id} className={`error-text error-text--${of}`}>
      {message}
    </Text>
  )
}
