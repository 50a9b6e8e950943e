import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions, INVITABLE_ROLES, type ActionOutput } from '../../../../contract'
import { ROLE_LABELS } from '../../../../copy/roles'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { typedNumber } from '../../../../utils/number'
import { ScopePicker, type InviteRole, type Scope } from './scope-picker'

type Invite = ActionOutput<'invites.create'>

const SHOWN = ['role', 'gridIds', 'departmentId', 'communityId', 'exchangePointId', 'expiresInDays'] as const
const LABELS = {
  gridIds: '网格',
  departmentId: '部门',
  communityId: '社区',
  exchangePointId: '兑换点',
  expiresInDays: '有效期',
}

interface CreateFormProps {
  streetAdmin: boolean
  tree: ActionOutput<'grids.tree'>
  departments: ActionOutput<'departments.list'>['items']
  exchangePoints: ActionOutput<'market.exchangePoints'>['items']
  initialGridId: string | null
  onCreated: (invite: Invite) => void
}

/** The role's scope, as invites.create spells it (only the scope that role takes). */
function scopeOf(role: InviteRole, scope: Scope) {
  if (role === 'grid_worker') return { gridIds: scope.gridIds }
  if (role === 'department') return { departmentId: scope.departmentId ?? undefined }
  if (role === 'community_admin') return { communityId: scope.communityId ?? undefined }
  if (role === 'counter_staff') return { exchangePointId: scope.exchangePointId ?? undefined }
  return {}
}

/** The invite being put together, checked by invites.create's schema (the handler adds the scope rule). */
function useInviteForm(initialGridId: string | null, onCreated: (invite: Invite) => void) {
  const create = useAction('invites.create')
  const errors = useFieldErrors(SHOWN, LABELS)
  const [role, setRole] = useState<InviteRole>('grid_worker')
  const [scope, setScope] = useState<Scope>({
    gridIds: initialGridId ? [initialGridId] : [],
    departmentId: null,
    communityId: null,
    exchangePointId: null,
  })
  const [days, setDays] = useState('7')

  const submit = async () => {
    const input = errors.parse(actions['invites.create'].input, {
      role,
      expiresInDays: typedNumber(days),
      ...scopeOf(role, scope),
    })
    if (!input) return
    try {
      onCreated(await create.run(input))
    } catch (err) {
      errors.fromError(err)
    }
  }

  return { role, setRole, scope, setScope, days, setDays, errors, submit, pending: create.pending }
}

/** 发放邀请码: a role, its scope and how many days it stays valid. */
export function CreateForm({
  streetAdmin,
  tree,
  departments,
  exchangePoints,
  initialGridId,
  onCreated,
}: CreateFormProps) {
  const form = useInviteForm(initialGridId, onCreated)
  const { role, errors } = form
  const roles: readonly InviteRole[] = streetAdmin ? INVITABLE_ROLES : ['grid_worker']
  return (
    <Card title="发放邀请码">
      <Text className="invites__label">身份</Text>
      <Chips
        idPrefix="invite-role-"
        items={roles.map((r) => ({ id: r, label: ROLE_LABELS[r] }))}
        selected={[role]}
        onToggle={(id) => form.setRole(roles.find((r) => r === id) ?? 'grid_worker')}
      />
      <Text className="invites__label invites__label--gap">
        {role === 'grid_worker' ? '负责的网格（可多选）' : '范围'}
      </Text>
      <ScopePicker
        role={role}
        tree={tree}
        departments={departments}
        exchangePoints={exchangePoints}
        value={form.scope}
        onChange={form.setScope}
      />
      <ErrorText
        message={
          errors.field('gridIds') ??
          errors.field('departmentId') ??
          errors.field('communityId') ??
          errors.field('exchangePointId')
        }
      />
      <View className="invites__days">
        <TextField
          id="invite-days"
          label="有效期（天）"
          type="number"
          value={form.days}
          maxLength={2}
          error={errors.field('expiresInDays')}
          onChange={form.setDays}
        />
      </View>
      <ErrorText of="form" id="invite-error" message={errors.message} />
      <Button
        id="invite-create"
        type="primary"
        block
        loading={form.pending}
        disabled={form.pending}
        onClick={() => void form.submit()}
      >
        生成邀请码
      </Button>
    </Card>
  )
}
