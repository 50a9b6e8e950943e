import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { ActionOutput } from '../../../../contract'
import { Card } from '../../../../components/card'

type Invite = ActionOutput<'invites.create'>

/** The new code, big enough to read out over the phone, with copy. */
export function CreatedCode({ invite }: { invite: Invite }) {
  const copy = () =>
    void Taro.setClipboardData({ data: invite.code ?? '' }).catch(() =>
      Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }),
    )
  return (
    <Card title="邀请码已生成" className="invite-created">
      <Text id="invite-code" className="invite-created__code">
        {invite.code}
      </Text>
      <Text className="invite-created__scope">{invite.scopeLabel}</Text>
      <Text className="muted">{`${dayjs(invite.expiresAt).format('YYYY-MM-DD HH:mm')} 前有效，只能使用一次。请当面或电话告知本人，在「我的 → 使用邀请码」中输入。离开本页后列表中只显示部分字符，再次查看会记入操作日志。`}</Text>
      <View className="invite-created__actions">
        <Button id="invite-copy" type="primary" fill="outline" onClick={copy}>
          复制邀请码
        </Button>
      </View>
    </Card>
  )
}
