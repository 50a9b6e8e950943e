import { Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../components/card'
import { LinkList, type LinkItem } from '../../components/link-list'
import { PageStatus } from '../../components/page-status'
import { ProfileHeader } from '../../components/profile-header'
import { LOSTFOUND_PAGES } from '../../copy/lostfound'
import { CREDIT_PAGES } from '../../copy/credit'
import { useMe } from '../../hooks/use-me'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import { areaLinks } from '../../services/areas'
import { clearToken, isLocalDemo, LOGIN_PAGE } from '../../services/session'
import { InboxSection } from './inbox-section'
import { ProfileForm } from './profile-form'
import { setLargeText, useLargeText } from '../../services/large-text'
import './index.css'
import { PageRoot } from '../../components/page-root'

const MY_LINKS: LinkItem[] = [
  {
    id: 'entry-credit',
    title: '我的积分',
    hint: '积分明细、信用集市、兑换券和志愿活动',
    url: CREDIT_PAGES.home,
  },
  {
    id: 'entry-my-orders',
    title: '我的上报',
    hint: '随手拍和诉求的办理进度',
    url: '/packages/orders/pages/mine/index',
  },
  {
    id: 'entry-my-posts',
    title: '我的发布',
    hint: '寻物启事、失物招领和认领处理',
    url: LOSTFOUND_PAGES.mine,
  },
  {
    id: 'entry-my-claims',
    title: '我的认领',
    hint: '认领进度、交接码和提供的线索',
    url: LOSTFOUND_PAGES.claims('mine'),
  },
  {
    id: 'entry-invite',
    title: '使用邀请码',
    hint: '网格员、部门和管理员凭邀请码开通权限',
    url: '/packages/account/pages/invite/index',
  },
]

/** 大字模式: larger text and buttons on this phone, remembered here. */
function LargeTextSwitch() {
  const large = useLargeText()
  return (
    <Card>
      <View className="me__switch">
        <View className="me__switch-text">
          <Text className="me__switch-title">大字模式</Text>
          <Text className="muted">文字和按钮放大，看得更清楚</Text>
        </View>
        <Switch id="large-text" checked={large} color="#d42a20" onChange={(e) => setLargeText(e.detail.value)} />
      </View>
    </Card>
  )
}

/** Signing out forgets the token (and with it the current person). */
function logout(): void {
  clearToken()
  void Taro.reLaunch({ url: LOGIN_PAGE })
}

export default function MePage() {
  const { me, loading, error, reload } = useMe()
  usePullRefresh(reload)

  if (!me) return <PageStatus loading={loading} error={error} onRetry={() => void reload()} />
  return (
    <PageRoot className="page">
      <ProfileHeader me={me} />
      <LinkList items={areaLinks(me.roles)} />
      <LinkList items={MY_LINKS} />
      <LargeTextSwitch />
      <Card title="修改资料">
        <ProfileForm me={me} />
      </Card>
      <InboxSection />
      {isLocalDemo ? (
        <Button id="logout" block fill="outline" className="me__logout" onClick={logout}>
          退出登录（切换演示身份）
        </Button>
      ) : null}
    </PageRoot>
  )
}
