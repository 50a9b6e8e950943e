import { Text } from '@tarojs/components'
import './index.css'

/** The form's message that belongs to no single field (usually the server's sentence); nothing when null. */
export function FormError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null
  return (
    <Text id={id} className="form-error">
      {message}
    </Text>
  )
}
