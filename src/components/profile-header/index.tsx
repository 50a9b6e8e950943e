import { Image, Text, View } from '@tarojs/components'
import type { MeView } from '../../contract'
import { RoleTags } from '../role-tags'
import './index.css'

/** Avatar, nickname, roles and the owner's own phone number (shown in full to its owner only). */
export function ProfileHeader({ me }: { me: MeView }) {
  return (
    <View className="profile">
      {me.avatarUrl ? (
        <Image className="profile__avatar" src={me.avatarUrl} mode="aspectFill" />
      ) : (
        <View className="profile__avatar profile__avatar--text">
          <Text>{me.nickname.slice(0, 1) || '我'}</Text>
        </View>
      )}
      <View className="profile__main">
        <Text id="me-nickname" className="profile__name">
          {me.nickname}
        </Text>
        <Text id="me-phone" className="profile__phone">
          {me.phone ? `手机号 ${me.phone}` : '未填写手机号'}
        </Text>
        <RoleTags roles={me.roles} tone="light" />
      </View>
    </View>
  )
}
