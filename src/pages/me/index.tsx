import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../components/card'
import { PageStatus } from '../../components/page-status'
import { ProfileHeader } from '../../components/profile-header'
import { StaffEntry } from '../../components/staff-entry'
import { useMe } from '../../hooks/use-me'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import { clearToken, isLocalDemo, LOGIN_PAGE } from '../../services/session'
import { InboxSection } from './inbox-section'
import { ProfileForm } from './profile-form'
import './index.css'

function logout(): void {
  clearToken()
  void Taro.reLaunch({ url: LOGIN_PAGE })
}

export default function MePage() {
  const me = useMe()
  usePullRefresh(me.reload)

  if (!me.data) return <PageStatus loading={me.loading} error={me.error} onRetry={() => void me.reload()} />
  return (
    <View className='page'>
      <ProfileHeader me={me.data} />
      <StaffEntry roles={me.data.roles} />
      <Card title='修改资料'>
        <ProfileForm me={me.data} onSaved={me.setData} />
      </Card>
      <InboxSection />
      {isLocalDemo ? (
        <Button id='logout' block fill='outline' className='me__logout' onClick={logout}>
          退出登录（切换演示身份）
        </Button>
      ) : null}
    </View>
  )
}
