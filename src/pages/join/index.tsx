import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../components/card'
import { PageStatus } from '../../components/page-status'
import { savePendingJoin } from '../../hooks/grids/pending-join'
import { useQuery } from '../../hooks/use-query'
import { call } from '../../services/api'
import { LOGIN_PAGE, needsLogin } from '../../services/session'
import { CodeEntry } from './code-entry'
import { JoinForm } from './join-form'
import { codeFromParams } from './join-code'
import './index.css'

function LoginFirst({ code }: { code: string | null }) {
  const go = () => {
    savePendingJoin(code)
    void Taro.reLaunch({ url: LOGIN_PAGE })
  }
  return (
    <Card title="请先登录">
      <Text className="para">登录后即可加入网格，登录完成会自动回到这里。</Text>
      <Button id="join-login" type="primary" block onClick={go}>
        去登录
      </Button>
    </Card>
  )
}

function Preview({ code, onOtherCode }: { code: string; onOtherCode: (problem: string) => void }) {
  const load = useCallback(() => Promise.all([call('grids.joinPreview', { code }), call('me.get', {})]), [code])
  const state = useQuery(load)
  if (state.data) return <JoinForm code={code} preview={state.data[0]} me={state.data[1]} />
  if (!state.error) return <PageStatus loading error={null} onRetry={() => undefined} />
  return (
    <Card title="无法加入">
      <Text id="join-problem" className="para">
        {state.error}
      </Text>
      <View className="join__actions">
        <Button fill="outline" loading={state.loading} onClick={() => void state.reload()}>
          重试
        </Button>
        <Button id="join-other-code" type="primary" onClick={() => onOtherCode(state.error ?? '')}>
          输入其他加入码
        </Button>
      </View>
    </Card>
  )
}

/** Where a scanned grid QR code lands: the code's grid, then the address form; or a code entry. */
export default function JoinPage() {
  const params = useRouter().params
  const [code, setCode] = useState<string | null>(() => codeFromParams(params))
  const [problem, setProblem] = useState<string | null>(null)

  if (needsLogin())
    return (
      <View className="page join">
        <LoginFirst code={code} />
      </View>
    )
  return (
    <View className="page join">
      {code ? (
        <Preview
          key={code}
          code={code}
          onOtherCode={(p) => {
            setProblem(p)
            setCode(null)
          }}
        />
      ) : (
        <CodeEntry initial="" problem={problem} onLookup={setCode} />
      )}
    </View>
  )
}
