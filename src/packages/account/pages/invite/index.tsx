import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { actions, ADMIN_ROLES, type ActionOutput } from '../../../../contract'
import { Card } from '../../../../components/card'
import { LabeledInput } from '../../../../components/grids/labeled-input'
import { RoleTags } from '../../../../components/role-tags'
import { ROLE_LABELS } from '../../../../copy/roles'
import { useAction } from '../../../../hooks/use-action'
import { useMe } from '../../../../hooks/use-me'
import { useFieldErrors } from '../../../../hooks/grids/use-field-errors'
import { announceMeChanged } from '../../../../hooks/grids/me-changed'
import { ADMIN_HOME, WORKER_HOME } from '../../../../services/areas'
import './index.css'

type Granted = ActionOutput<'invites.redeem'>

function GrantedCard({ granted }: { granted: Granted }) {
  const admin = ADMIN_ROLES.includes(granted.role)
  return (
    <Card title="开通成功">
      <Text className="para">{`您已成为 ${ROLE_LABELS[granted.role]}：`}</Text>
      <Text id="invite-result" className="invite__scope">
        {granted.scopeLabel}
      </Text>
      {admin ? (
        <Button id="invite-go-admin" type="primary" block onClick={() => void Taro.redirectTo({ url: ADMIN_HOME })}>
          进入管理后台
        </Button>
      ) : (
        <Button id="invite-go-worker" type="primary" block onClick={() => void Taro.redirectTo({ url: WORKER_HOME })}>
          进入工作台
        </Button>
      )}
    </Card>
  )
}

/** 使用邀请码: a one-time 10-character code from an admin grants a staff role with its scope. */
export default function RedeemInvitePage() {
  const me = useMe()
  const redeem = useAction('invites.redeem')
  const errors = useFieldErrors(['code'])
  const [code, setCode] = useState('')
  const [granted, setGranted] = useState<Granted | null>(null)

  const submit = async () => {
    const parsed = actions['invites.redeem'].input.safeParse({ code })
    if (!parsed.success) return errors.fromIssues(parsed.error.issues)
    errors.clear()
    try {
      setGranted(await redeem.run({ code: parsed.data.code }))
      setCode('')
      void me.reload()
      announceMeChanged()
    } catch (err) {
      errors.fromError(err)
    }
  }

  return (
    <View className="page">
      {granted ? <GrantedCard granted={granted} /> : null}
      <Card title="使用邀请码">
        <Text className="para invite__intro">
          网格员、部门工作人员和管理员由街道或社区发放一次性邀请码开通权限。邀请码为 10
          位字母或数字，有效期内只能使用一次。
        </Text>
        <LabeledInput
          id="invite-code-input"
          label="邀请码"
          value={code}
          maxLength={10}
          placeholder="请输入 10 位邀请码"
          error={errors.field('code') ?? errors.message}
          onChange={(v) => {
            setCode(v.toUpperCase())
            errors.clear()
          }}
          onConfirm={() => void submit()}
        />
        <Button
          id="invite-submit"
          type="primary"
          block
          loading={redeem.pending}
          disabled={redeem.pending}
          onClick={() => void submit()}
        >
          确认使用
        </Button>
      </Card>
      {me.data ? (
        <Card title="我当前的身份">
          <RoleTags roles={me.data.roles} />
        </Card>
      ) : null}
    </View>
  )
}
