import { Text, View } from '@tarojs/components'
import type { RoleGrant } from '../../contract'
import { ROLE_LABELS } from '../../copy/roles'
import './index.css'

interface RoleTagsProps {
  roles: RoleGrant[]
  /** 'light' for use on the red header. */
  tone?: 'light' | 'plain'
}

/** The person's roles in Chinese, one tag each (a role granted for several scopes shows once). */
export function RoleTags({ roles, tone = 'plain' }: RoleTagsProps) {
  const unique = [...new Set(roles.map((r) => r.role))]
  return (
    <View className="role-tags">
      {unique.map((role) => (
        <Text key={role} className={`role-tags__tag role-tags__tag--${tone}`}>
          {ROLE_LABELS[role]}
        </Text>
      ))}
    </View>
  )
}
