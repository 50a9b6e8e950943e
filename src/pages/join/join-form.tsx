import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { Card } from '../../components/card'
import { ErrorText } from '../../components/error-text'
import { TextField } from '../../components/text-field'
import { actions, type ActionOutput, type MeView } from '../../contract'
import { clearPendingJoin } from '../../hooks/grids/pending-join'
import { useAction } from '../../hooks/use-action'
import { useForm } from '../../hooks/use-form'
import { refreshMe } from '../../services/me'
import { HOME_PAGE } from '../../services/session'

type Preview = ActionOutput<'grids.joinPreview'>

interface JoinFormProps {
  code: string
  preview: Preview
  me: MeView
}

const SHOWN = ['building', 'unit', 'room', 'realName'] as const
const EMPTY = { building: '', unit: '', room: '', realName: '' }

const goHome = () => void Taro.switchTab({ url: HOME_PAGE })

function GridBanner({ preview }: { preview: Preview }) {
  return (
    <View className="join__grid">
      <Text className="join__label">您将加入</Text>
      <Text id="join-preview-grid" className="join__name">
        {preview.gridName}
      </Text>
      <Text className="join__place">{preview.communityName}</Text>
      <Text className="join__workers">{`网格员：${preview.workerNames.join('、') || '暂未配备'}`}</Text>
    </View>
  )
}

function AlreadyMember() {
  return (
    <Card>
      <Text className="para">您已经是本网格的居民了。</Text>
      <Button block type="primary" onClick={goHome}>
        回到首页
      </Button>
    </Card>
  )
}

/** Joining with the address (checked by grids.join's schema): refresh the current person, then 首页. */
function useJoin(code: string) {
  const join = useAction('grids.join')
  const form = useForm(EMPTY, SHOWN)
  const submit = async () => {
    const { realName, ...address } = form.values
    const input = form.errors.parse(actions['grids.join'].input, {
      code,
      ...address,
      realName: realName.trim() ? realName : undefined,
    })
    if (!input) return
    try {
      await join.run(input)
      clearPendingJoin()
      await refreshMe()
      void Taro.showToast({ title: '已加入网格', icon: 'success' })
      goHome()
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return { ...form, submit, pending: join.pending }
}

function AddressForm({ code, preview, me }: JoinFormProps) {
  const { field, errors, submit, pending } = useJoin(code)
  return (
    <Card title="填写住址">
      <View className="text-field-row">
        <TextField id="join-building" label="楼号" maxLength={20} placeholder="如 3" {...field('building')} />
        <TextField id="join-unit" label="单元" maxLength={20} placeholder="如 2" {...field('unit')} />
        <TextField id="join-room" label="房号" maxLength={20} placeholder="如 301" {...field('room')} />
      </View>
      <TextField
        id="join-name"
        label="真实姓名（选填，方便网格员上门服务）"
        maxLength={20}
        placeholder={`不填则使用“${me.nickname}”`}
        {...field('realName')}
      />
      <Text className="muted join__note">住址和姓名只有本网格的网格员能看到，用于上门服务和核实身份。</Text>
      {me.homeGrid ? (
        <Text className="notice">{`加入后，您的网格将从「${me.homeGrid.name}」变更为「${preview.gridName}」。`}</Text>
      ) : null}
      <ErrorText of="form" id="join-error" message={errors.message} />
      <Button id="join-submit" type="primary" block loading={pending} disabled={pending} onClick={() => void submit()}>
        确认加入
      </Button>
    </Card>
  )
}

/** The grid the code belongs to, and the address form that makes it the person's home grid. */
export function JoinForm(props: JoinFormProps) {
  const already = props.me.homeGrid?.id === props.preview.gridId
  return (
    <View>
      <GridBanner preview={props.preview} />
      {already ? <AlreadyMember /> : <AddressForm {...props} />}
    </View>
  )
}
