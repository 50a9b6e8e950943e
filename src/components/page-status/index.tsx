import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.css'

interface PageStatusProps {
  loading: boolean
  error: string | null
  onRetry: () => void
}

/** Full-width loading or failure block; the retry button really reloads. */
export function PageStatus({ loading, error, onRetry }: PageStatusProps) {
  if (loading && !error) {
    return (
      <View className="page-status">
        <Text className="page-status__text">加载中…</Text>
      </View>
    )
  }
  if (!error) return null
  return (
    <View className="page-status">
      <Text className="page-status__text page-status__text--error">{error}</Text>
      <Button size="small" type="primary" fill="outline" loading={loading} onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
