import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Card } from '../../components/card'
import { DemoPersonCard } from '../../components/demo-person'
import { PageStatus } from '../../components/page-status'
import { useQuery } from '../../hooks/use-query'
import { userMessage } from '../../services/call-error'
import { listDemoPeople, loginAs } from '../../services/dev-login'
import { ERROR_COPY } from '../../copy/errors'
import { HOME_PAGE, takeExpiredNotice } from '../../services/session'
import { takePendingJoin } from '../../hooks/grids/pending-join'
import './index.css'
import { PageRoot } from '../../components/page-root'

function NotAvailable() {
  return (
    <PageRoot className="page">
      <Card title="无法在此登录">
        <Text className="para">演示登录只在本地演示环境中提供。请在微信中搜索并打开「网格通」小程序使用。</Text>
      </Card>
    </PageRoot>
  )
}

function DemoLogin() {
  const people = useQuery(listDemoPeople)
  const [busyKey, setBusyKey] = useState<string | null>(null)

  const pick = async (key: string) => {
    if (busyKey) return
    setBusyKey(key)
    try {
      await loginAs(key)
      // The new person, fetched once for every page; loaded later, as the login page needs no contract.
      void import('../../services/me').then((m) => m.loadMe())
      // Straight back to a join link opened before signing in: one navigation, not 首页 and then another
      // from its onShow (two at once left 首页's content hidden behind a blank page in about 1 run in 4).
      const pending = takePendingJoin()
      if (pending) await Taro.redirectTo({ url: pending })
      else await Taro.switchTab({ url: HOME_PAGE })
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    } finally {
      setBusyKey(null)
    }
  }

  return (
    <PageRoot className="page login">
      <View className="login__intro">
        <Text className="login__title">网格通 · 本地演示</Text>
        <Text className="login__sub">
          南张街道、古槐街道两条街道的演示数据。选择一位演示人员进入，体验不同身份、不同街道看到的内容。
        </Text>
      </View>
      {people.data ? (
        people.data.map((p) => (
          <DemoPersonCard key={p.key} person={p} busy={busyKey === p.key} onPick={(k) => void pick(k)} />
        ))
      ) : (
        <PageStatus loading={people.loading} error={people.error} onRetry={() => void people.reload()} />
      )}
    </PageRoot>
  )
}

export default function LoginPage() {
  // Only a session the server refused is "expired"; a first visit arrives here without a word.
  useEffect(() => {
    if (takeExpiredNotice()) void Taro.showToast({ title: ERROR_COPY.UNAUTHENTICATED, icon: 'none' })
  }, [])
  // Inline build-time constant, so production builds drop the picker code entirely.
  return process.env.TARO_APP_LOCAL === '1' ? <DemoLogin /> : <NotAvailable />
}
