import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { ErrorCode } from '../../contract'
import './index.css'

interface PageStatusProps {
  loading: boolean
  error: string | null
  /** When the thing is gone or not the viewer's (NOT_FOUND, FORBIDDEN), trying again cannot help: offer 首页. */
  code?: ErrorCode | null
  onRetry: () => void
}

const HOPELESS: readonly ErrorCode[] = ['NOT_FOUND', 'FORBIDDEN']

/** Full-width loading or failure block; the retry button really reloads, and a lost cause leads home. */
export function PageStatus({ loading, error, code, onRetry }: PageStatusProps) {
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
      {code && HOPELESS.includes(code) ? (
        <Button
          id="status-home"
          size="small"
          type="primary"
          fill="outline"
          onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}
        >
          返回首页
        </Button>
      ) : (
        <Button size="small" type="primary" fill="outline" loading={loading} onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
