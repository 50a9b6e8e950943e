import { FieldForm } from '../../components/field-form'
import type { MeView } from '../../contract'
import { useAction } from '../../hooks/use-action'
import { nicknameProblem, phoneProblem } from '../../services/profile-rules'

interface ProfileFormProps {
  me: MeView
  onSaved: (me: MeView) => void
}

/** Nickname and phone, each saved on its own through me.update. */
export function ProfileForm({ me, onSaved }: ProfileFormProps) {
  const nickname = useAction('me.update')
  const phone = useAction('me.update')
  return (
    <>
      <FieldForm
        label="昵称"
        field="nickname"
        inputId="nickname-input"
        saveId="nickname-save"
        initial={me.nickname}
        placeholder="1–20 个字"
        maxLength={20}
        pending={nickname.pending}
        validate={nicknameProblem}
        onSave={async (value) => onSaved(await nickname.run({ nickname: value }))}
      />
      <FieldForm
        label="手机号"
        field="phone"
        inputId="phone-input"
        saveId="phone-save"
        initial={me.phone ?? ''}
        placeholder="11 位手机号"
        type="number"
        maxLength={11}
        pending={phone.pending}
        validate={phoneProblem}
        onSave={async (value) => onSaved(await phone.run({ phone: value }))}
      />
    </>
  )
}
