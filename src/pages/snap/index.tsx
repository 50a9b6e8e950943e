import { View } from '@tarojs/components'
import { Placeholder } from '../../components/placeholder'

export default function SnapPage() {
  return (
    <View className='page'>
      <Placeholder
        mark='拍'
        title='随手拍正在建设中'
        lines={['看到井盖缺失、路灯不亮、占道经营、消防通道堵塞，拍一张照片就能上报。', '上报会按拍摄位置自动派到所在网格，由网格员接单办理。']}
        upcoming={['拍照后三步内完成上报', '按位置自动落到所在网格', '随时查看办理进度并评价', '有效上报可获得信用积分']}
      />
    </View>
  )
}
