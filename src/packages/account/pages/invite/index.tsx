import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { RoleTags } from '../../../../components/role-tags'
import { TextField } from '../../../../components/text-field'
import { actions, ADMIN_ROLES, type ActionOutput } from '../../../../contract'
import { ROLE_LABELS } from '../../../../copy/roles'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { useMe } from '../../../../hooks/use-me'
import { ADMIN_HOME, WORKER_HOME } from '../../../../services/areas'
import { refreshMe } from '../../../../services/me'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

type Granted = ActionOutput<'invites.redeem'>

function GrantedCard({ granted }: { granted: Granted }) {
  const admin = ADMIN_ROLES.includes(granted.role)
  return (
    <Card title="开通成功">
      <Text className="para">{`您已成为 ${ROLE_LABELS[granted.role]}：`}</Text>
      <Text id="invite-result" className="invite__scope">
        {granted.scopeLabel}
      </Text>
      <Button
        id={admin ? 'invite-go-admin' : 'invite-go-worker'}
        type="primary"
        block
        onClick={() => void Taro.redirectTo({ url: admin ? ADMIN_HOME : WORKER_HOME })}
      >
        {admin ? '进入管理后台' : '进入工作台'}
      </Button>
    </Card>
  )
}

/** The code, checked by invites.redeem's schema; a granted role refreshes the current person. */
function useRedeem(onGranted: (granted: Granted) => void) {
  const redeem = useAction('invites.redeem')
  const errors = useFieldErrors(['code'])
  const [code, setCode] = useState('')
  const edit = (next: string) => {
    setCode(next.toUpperCase())
    errors.clear()
  }
  const submit = async () => {
    const input = errors.parse(actions['invites.redeem'].input, { code })
    if (!input) return
    try {
      const granted = await redeem.run(input)
      await refreshMe()
      setCode('')
      onGranted(granted)
    } catch (err) {
      errors.fromError(err)
    }
  }
  return { code, edit, submit, error: errors.field('code') ?? errors.message, pending: redeem.pending }
}

function RedeemForm({ onGranted }: { onGranted: (granted: Granted) => void }) {
  const { code, edit, submit, error, pending } = useRedeem(onGranted)
  return (
    <Card title="使用邀请码">
      <Text className="para invite__intro">
        网格员、部门工作人员和管理员由街道或社区发放一次性邀请码开通权限。邀请码为 10
        位字母或数字，有效期内只能使用一次。
      </Text>
      <TextField
        id="invite-code-input"
        label="邀请码"
        value={code}
        maxLength={10}
        placeholder="请输入 10 位邀请码"
        error={error}
        onChange={edit}
        onConfirm={() => void submit()}
      />
      <Button
        id="invite-submit"
        type="primary"
        block
        loading={pending}
        disabled={pending}
        onClick={() => void submit()}
      >
        确认使用
      </Button>
    </Card>
  )
}

/** 使用邀请码: a one-time 10-character code from an admin grants a staff role with its scope. */
export default function RedeemInvitePage() {
  const { me } = useMe()
  const [granted, setGranted] = useState<Granted | null>(null)
  return (
    <PageRoot className="page">
      {granted ? <GrantedCard granted={granted} /> : null}
      <RedeemForm onGranted={setGranted} />
      {me ? (
        <Card title="我当前的身份">
          <RoleTags roles={me.roles} />
        </Card>
      ) : null}
    </PageRoot>
  )
}
