import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../components/card'
import { PageStatus } from '../../components/page-status'
import { actions } from '../../contract'
import { savePendingJoin } from '../../hooks/grids/pending-join'
import { useMe } from '../../hooks/use-me'
import { useQuery } from '../../hooks/use-query'
import { call } from '../../services/api'
import { LOGIN_PAGE, needsLogin } from '../../services/session'
import { CodeEntry } from './code-entry'
import { JoinForm } from './join-form'
import { codeFromParams } from './join-code'
import './index.css'
import { PageRoot } from '../../components/page-root'

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

interface CannotJoinProps {
  problem: string
  retrying: boolean
  onRetry: () => void
  onOtherCode: () => void
}

/** The code was refused (unknown, rotated, grid stopped): retry, or type another code. */
function CannotJoin({ problem, retrying, onRetry, onOtherCode }: CannotJoinProps) {
  return (
    <Card title="无法加入">
      <Text id="join-problem" className="para">
        {problem}
      </Text>
      <View className="join__actions">
        <Button fill="outline" loading={retrying} onClick={onRetry}>
          重试
        </Button>
        <Button id="join-other-code" type="primary" onClick={onOtherCode}>
          输入其他加入码
        </Button>
      </View>
    </Card>
  )
}

function Preview({ code, onOtherCode }: { code: string; onOtherCode: (problem: string) => void }) {
  const preview = useQuery(useCallback(() => call('grids.joinPreview', { code }), [code]))
  const { me, error: meError } = useMe()
  if (preview.data && me) return <JoinForm code={code} preview={preview.data} me={me} />
  const problem = preview.error ?? meError
  if (!problem) return <PageStatus loading error={null} onRetry={() => undefined} />
  return (
    <CannotJoin
      problem={problem}
      retrying={preview.loading}
      onRetry={() => void preview.reload()}
      onOtherCode={() => onOtherCode(problem)}
    />
  )
}

/** A code from a link or a scan, checked by the contract: the valid one, or why it cannot be used. */
function checkCode(raw: string | null): { code: string | null; typed: string; problem: string | null } {
  if (raw === null) return { code: null, typed: '', problem: null }
  const parsed = actions['grids.joinPreview'].input.safeParse({ code: raw })
  return parsed.success
    ? { code: parsed.data.code, typed: parsed.data.code, problem: null }
    : { code: null, typed: raw, problem: parsed.error.issues[0]?.message ?? null }
}

/** Where a scanned grid QR code lands: the code's grid, then the address form; or a code entry. */
export default function JoinPage() {
  const params = useRouter().params
  const [opened] = useState(() => checkCode(codeFromParams(params)))
  const [code, setCode] = useState<string | null>(opened.code)
  const [problem, setProblem] = useState<string | null>(opened.problem)

  if (needsLogin())
    return (
      <PageRoot className="page join">
        <LoginFirst code={code} />
      </PageRoot>
    )
  return (
    <PageRoot className="page join">
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
        <CodeEntry initial={opened.code ? '' : opened.typed} problem={problem} onLookup={setCode} />
      )}
    </PageRoot>
  )
}
