import { View } from '@tarojs/components'
import type { RoleGrant } from '../../contract'
import { ROLE_LABELS } from '../../copy/roles'
import { Tag } from '../tag'

interface RoleTagsProps {
  roles: RoleGrant[]
  /** 'light' for use on the red header. */
  tone?: 'light' | 'red'
}

/** The person's roles in Chinese, one tag each (a role granted for several scopes shows once). */
export function RoleTags({ roles, tone = 'red' }: RoleTagsProps) {
  const unique = [...new Set(roles.map((r) => r.role))]
  return (
    <View className="tags">
      {unique.map((role) => (
        <Tag key={role} text={ROLE_LABELS[role]} tone={tone} />
      ))}
    </View>
  )
}
