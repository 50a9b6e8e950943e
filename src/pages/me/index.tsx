import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../components/card'
import { LinkList, type LinkItem } from '../../components/grids/link-list'
import { PageStatus } from '../../components/page-status'
import { ProfileHeader } from '../../components/profile-header'
import { StaffEntry } from '../../components/staff-entry'
import { useMe } from '../../hooks/use-me'
import { useOnMeChanged } from '../../hooks/grids/me-changed'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import { clearToken, isLocalDemo, LOGIN_PAGE } from '../../services/session'
import { InboxSection } from './inbox-section'
import { ProfileForm } from './profile-form'
import './index.css'

const MY_LINKS: LinkItem[] = [
  {
    id: 'entry-my-orders',
    title: '我的上报',
    hint: '随手拍和诉求的办理进度',
    url: '/packages/orders/pages/mine/index',
  },
  {
    id: 'entry-invite',
    title: '使用邀请码',
    hint: '网格员、部门和管理员凭邀请码开通权限',
    url: '/packages/account/pages/invite/index',
  },
]

function logout(): void {
  clearToken()
  void Taro.reLaunch({ url: LOGIN_PAGE })
}

export default function MePage() {
  const me = useMe()
  usePullRefresh(me.reload)
  useOnMeChanged(me.reload)

  if (!me.data) return <PageStatus loading={me.loading} error={me.error} onRetry={() => void me.reload()} />
  return (
    <View className="page">
      <ProfileHeader me={me.data} />
      <StaffEntry roles={me.data.roles} />
      <LinkList items={MY_LINKS} />
      <Card title="修改资料">
        <ProfileForm me={me.data} onSaved={me.setData} />
      </Card>
      <InboxSection />
      {isLocalDemo ? (
        <Button id="logout" block fill="outline" className="me__logout" onClick={logout}>
          退出登录（切换演示身份）
        </Button>
      ) : null}
    </View>
  )
}
