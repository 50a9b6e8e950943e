import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.css'

interface ListFooterProps {
  hasMore: boolean
  loading: boolean
  error: string | null
  onMore: () => void
  id?: string
}

/** The end of a paged list: 加载更多 while there is more, its failure inline, then 没有更多了. */
export function ListFooter({ hasMore, loading, error, onMore, id }: ListFooterProps) {
  return (
    <View className="list-footer">
      {error ? <Text className="list-footer__error">{error}</Text> : null}
      {hasMore ? (
        <Button id={id} fill="none" block loading={loading} onClick={onMore}>
          加载更多
        </Button>
      ) : (
        <Text className="list-footer__end">没有更多了</Text>
      )}
    </View>
  )
}
