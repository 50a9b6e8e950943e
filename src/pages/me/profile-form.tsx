import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { TextField } from '../../components/text-field'
import { actions, type ActionInput, type MeView } from '../../contract'
import { useAction } from '../../hooks/use-action'
import { useFieldErrors } from '../../hooks/use-field-errors'
import { setMe } from '../../services/me'

type Change = ActionInput<'me.update'>

interface ProfileFieldProps {
  field: 'nickname' | 'phone'
  label: string
  initial: string
  placeholder: string
  type?: 'text' | 'number'
  /** The most characters allowed; more may be typed or pasted, and are pointed out before saving. */
  maxLength: number
  /** The me.update payload for what was typed. */
  toChange: (value: string) => Change
}

/** A field's typed value (following the store until edited), saved through me.update into the store. */
function useProfileSave(field: ProfileFieldProps['field'], initial: string, toChange: (value: string) => Change) {
  const update = useAction('me.update')
  const errors = useFieldErrors([field])
  const [value, setValue] = useState(initial)
  const [dirty, setDirty] = useState(false)
  useEffect(() => {
    if (!dirty) setValue(initial)
  }, [initial, dirty])

  const edit = (next: string) => {
    setValue(next)
    setDirty(true)
    errors.clear()
  }
  const save = async () => {
    const change = errors.parse(actions['me.update'].input, toChange(value))
    if (!change) return
    try {
      setMe(await update.run(change))
      setDirty(false)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      errors.fromError(err)
    }
  }
  return { value, edit, save, error: errors.field(field) ?? errors.message, pending: update.pending }
}

/** One profile field saved on its own: checked by me.update's schema, saved into the current-user store. */
function ProfileField({ field, label, initial, placeholder, type = 'text', maxLength, toChange }: ProfileFieldProps) {
  const { value, edit, save, error, pending } = useProfileSave(field, initial, toChange)
  // Never cut what was typed or pasted silently: say how much is too much, and save nothing until it fits.
  const length = [...value].length
  const tooLong = length > maxLength ? `${label}最多 ${maxLength} 个字，现在是 ${length} 个字，请删减后保存` : null
  const saveButton = (
    <Button
      id={`${field}-save`}
      type="primary"
      size="small"
      loading={pending}
      disabled={pending || tooLong !== null}
      onClick={() => void save()}
    >
      保存
    </Button>
  )
  return (
    <TextField
      id={`${field}-input`}
      label={label}
      value={value}
      type={type}
      maxLength={maxLength * 5}
      placeholder={placeholder}
      error={tooLong ?? error}
      onChange={edit}
      onConfirm={() => void (tooLong ? undefined : save())}
      action={saveButton}
    />
  )
}

/** Nickname and phone, each saved on its own through me.update; an empty phone removes the number. */
export function ProfileForm({ me }: { me: MeView }) {
  return (
    <>
      <ProfileField
        field="nickname"
        label="昵称"
        initial={me.nickname}
        placeholder="1–20 个字"
        maxLength={20}
        toChange={(nickname) => ({ nickname })}
      />
      <ProfileField
        field="phone"
        label="手机号"
        initial={me.phone ?? ''}
        placeholder="11 位手机号"
        type="number"
        maxLength={11}
        toChange={(phone) => ({ phone: phone.trim() === '' ? null : phone.trim() })}
      />
    </>
  )
}
