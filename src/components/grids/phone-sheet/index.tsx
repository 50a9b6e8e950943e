import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ShownPhone } from '../../../hooks/grids/use-call-worker'
import './index.css'

interface PhoneSheetProps {
  shown: ShownPhone
  onClose: () => void
}

/** Browser only: the worker's number with a tel: link (a phone browser dials it on tap). */
export function PhoneSheet({ shown, onClose }: PhoneSheetProps) {
  return (
    <View className="phone-sheet" onClick={onClose}>
      <View className="phone-sheet__box" onClick={(e) => e.stopPropagation()}>
        <Text className="phone-sheet__title">{`拨打网格员 ${shown.name}`}</Text>
        <Text id="call-phone" className="phone-sheet__number">
          {shown.phone}
        </Text>
        <a id="call-link" className="phone-sheet__dial" href={`tel:${shown.phone}`}>
          立即拨打
        </a>
        <Text className="phone-sheet__note">为保护隐私，号码仅在拨打时显示，请勿转发</Text>
        <Button id="call-close" fill="none" block onClick={onClose}>
          关闭
        </Button>
      </View>
    </View>
  )
}
