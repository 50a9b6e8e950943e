import { View } from '@tarojs/components'
import { Placeholder } from '../../components/placeholder'

export default function LostFoundPage() {
  return (
    <View className="page">
      <Placeholder
        mark="寻"
        title="失物招领正在建设中"
        lines={[
          '丢了东西、捡到东西，或者需要寻人，都可以在这里发布，街坊邻居一起帮忙。',
          '证件号码和电话会自动隐去，认领时在网格服务站核对交接。',
        ]}
        upcoming={[
          '发布寻物启事、失物招领和寻人启事',
          '相似的寻物与招领自动互相提示',
          '回答私密问题认领，到站凭码交接',
          '归还失物可获得信用积分',
        ]}
      />
    </View>
  )
}
