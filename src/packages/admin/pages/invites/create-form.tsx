import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ActionOutput } from '../../../../contract'
import { Card } from '../../../../components/card'
import { ChipGroup } from '../../../../components/grids/chip-group'
import { LabeledInput } from '../../../../components/grids/labeled-input'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/grids/use-field-errors'
import { ScopePicker, type InviteRole, type Scope } from './scope-picker'

type Invite = ActionOutput<'invites.create'>

const ROLE_CHOICES: { id: InviteRole; label: string }[] = [
  { id: 'grid_worker', label: '网格员' },
  { id: 'department', label: '部门' },
  { id: 'community_admin', label: '社区管理员' },
  { id: 'street_admin', label: '街道管理员' },
]
const SHOWN = ['role', 'gridIds', 'departmentId', 'communityId', 'expiresInDays'] as const

interface CreateFormProps {
  streetAdmin: boolean
  tree: ActionOutput<'grids.tree'>
  departments: ActionOutput<'departments.list'>['items']
  initialGridId: string | null
  onCreated: (invite: Invite) => void
}

/** 发放邀请码: a role, its scope and how many days it stays valid. */
export function CreateForm({ streetAdmin, tree, departments, initialGridId, onCreated }: CreateFormProps) {
  const create = useAction('invites.create')
  const errors = useFieldErrors(SHOWN)
  const roles = streetAdmin ? ROLE_CHOICES : ROLE_CHOICES.filter((r) => r.id === 'grid_worker')
  const [role, setRole] = useState<InviteRole>('grid_worker')
  const [scope, setScope] = useState<Scope>({
    gridIds: initialGridId ? [initialGridId] : [],
    departmentId: null,
    communityId: null,
  })
  const [days, setDays] = useState('7')

  const submit = async () => {
    const expiresInDays = Number(days)
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30)
      return errors.fromIssues([{ path: ['expiresInDays'], message: '有效期应为 1–30 天' }])
    if (role === 'grid_worker' && scope.gridIds.length === 0)
      return errors.fromIssues([{ path: ['gridIds'], message: '请选择网格' }])
    if (role === 'grid_worker' && scope.gridIds.length > 20)
      return errors.fromIssues([{ path: ['gridIds'], message: '一个邀请码最多分配 20 个网格' }])
    if (role === 'department' && !scope.departmentId)
      return errors.fromIssues([{ path: ['departmentId'], message: '请选择部门' }])
    if (role === 'community_admin' && !scope.communityId)
      return errors.fromIssues([{ path: ['communityId'], message: '请选择社区' }])
    errors.clear()
    try {
      const invite = await create.run({
        role,
        expiresInDays,
        ...(role === 'grid_worker' ? { gridIds: scope.gridIds } : {}),
        ...(role === 'department' && scope.departmentId ? { departmentId: scope.departmentId } : {}),
        ...(role === 'community_admin' && scope.communityId ? { communityId: scope.communityId } : {}),
      })
      onCreated(invite)
    } catch (err) {
      errors.fromError(err)
    }
  }

  const scopeError = errors.field('gridIds') ?? errors.field('departmentId') ?? errors.field('communityId')
  return (
    <Card title="发放邀请码">
      <Text className="invites__label">身份</Text>
      <ChipGroup
        idPrefix="invite-role-"
        items={roles}
        selected={[role]}
        onToggle={(id) => setRole(ROLE_CHOICES.find((r) => r.id === id)?.id ?? 'grid_worker')}
      />
      <Text className="invites__label invites__label--gap">
        {role === 'grid_worker' ? '负责的网格（可多选）' : '范围'}
      </Text>
      <ScopePicker role={role} tree={tree} departments={departments} value={scope} onChange={setScope} />
      {scopeError ? <Text className="invites__error">{scopeError}</Text> : null}
      <View className="invites__days">
        <LabeledInput
          id="invite-days"
          label="有效期（天，1–30）"
          type="number"
          value={days}
          maxLength={2}
          error={errors.field('expiresInDays')}
          onChange={setDays}
        />
      </View>
      {errors.message ? (
        <Text id="invite-error" className="invites__error invites__error--block">
          {errors.message}
        </Text>
      ) : null}
      <Button
        id="invite-create"
        type="primary"
        block
        loading={create.pending}
        disabled={create.pending}
        onClick={() => void submit()}
      >
        生成邀请码
      </Button>
    </Card>
  )
}
