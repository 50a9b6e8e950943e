import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Card } from '../../../../components/card'
import { ErrorText } from '../../../../components/error-text'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import { actions, type ClaimView, type LostPostDetail } from '../../../../contract'
import { CLAIM_KIND_LABELS, CLAIM_STATE_LABELS, CLAIM_STATE_TONE } from '../../../../copy/lostfound'
import { useAction } from '../../../../hooks/use-action'
import { useFieldErrors } from '../../../../hooks/use-field-errors'

type ClaimEvent = ClaimView['can'][number]
type Form = 'decline' | 'handover'

const LABELS: Record<ClaimEvent, string> = {
  accept: '核对无误，通过',
  decline: '不通过',
  withdraw: '撤回',
  handover: '输入交接码',
}
const CONFIRM: Partial<Record<ClaimEvent, string>> = {
  accept: '通过后，认领人会收到一次性交接码，凭码到网格服务站或找您领取。确定通过吗？',
  withdraw: '撤回后这条认领不再有效。确定撤回吗？',
}

/** The claim's actions: 通过 and 撤回 after a confirmation, 不通过 with a note, 交接 with the owner's code. */
function useClaimActions(c: ClaimView, onChanged: () => void) {
  const decide = useAction('lostfound.decide')
  const withdraw = useAction('lostfound.withdraw')
  const handover = useAction('lostfound.handover')
  const [form, setForm] = useState<Form | null>(null)
  const [typed, setTyped] = useState('')
  const errors = useFieldErrors(['code', 'note'])
  const attempt = async (work: () => Promise<unknown>, toast: string) => {
    try {
      await work()
      setForm(null)
      setTyped('')
      void Taro.showToast({ title: toast, icon: 'success' })
      onChanged()
    } catch (err) {
      errors.fromError(err)
    }
  }
  const press = async (e: ClaimEvent) => {
    errors.clear()
    if (e === 'decline' || e === 'handover') return setForm(e)
    const sure = await Taro.showModal({ title: LABELS[e], content: CONFIRM[e] ?? '' })
    if (!sure.confirm) return
    if (e === 'accept') await attempt(() => decide.run({ claimId: c.id, accept: true, note: '' }), '已通过')
    else await attempt(() => withdraw.run({ claimId: c.id }), '已撤回')
  }
  const submit = async () => {
    if (form === 'decline') {
      const input = errors.parse(actions['lostfound.decide'].input, { claimId: c.id, accept: false, note: typed })
      if (input) await attempt(() => decide.run(input), '已处理')
    } else if (form === 'handover') {
      const input = errors.parse(actions['lostfound.handover'].input, { claimId: c.id, code: typed })
      if (input) await attempt(() => handover.run(input), '交接完成')
    }
  }
  const pending = decide.pending || withdraw.pending || handover.pending
  return { form, setForm, typed, setTyped, errors, press, submit, pending }
}

function ClaimForm({ c, state }: { c: ClaimView; state: ReturnType<typeof useClaimActions> }) {
  const { form, typed, setTyped, errors } = state
  const handover = form === 'handover'
  return (
    <View className="lf-claim__form">
      <TextField
        id={handover ? `lf-code-input-${c.id}` : `lf-note-${c.id}`}
        type={handover ? 'number' : 'text'}
        maxLength={handover ? 6 : 100}
        placeholder={handover ? '请输入认领人出示的 6 位交接码' : '不通过的原因（认领人可见，可不填）'}
        value={typed}
        error={errors.field(handover ? 'code' : 'note')}
        onChange={(v) => {
          setTyped(v)
          errors.dismiss(handover ? 'code' : 'note')
        }}
      />
      <View className="lf-form__actions">
        <Button fill="outline" disabled={state.pending} onClick={() => state.setForm(null)}>
          取消
        </Button>
        <Button
          id={`lf-claim-submit-${c.id}`}
          type="primary"
          loading={state.pending}
          disabled={state.pending}
          onClick={() => void state.submit()}
        >
          {handover ? '确认交接' : '确定'}
        </Button>
      </View>
    </View>
  )
}

function ClaimRow({ c, onChanged }: { c: ClaimView; onChanged: () => void }) {
  const state = useClaimActions(c, onChanged)
  const locked = c.lockedUntil && c.lockedUntil > Date.now() ? c.lockedUntil : null
  return (
    <View id={`lf-claim-${c.id}`} className="lf-claim">
      <View className="lf-claim__top">
        <Text className="lf-claim__who">{`${c.isMine ? '我' : c.claimantName}的${CLAIM_KIND_LABELS[c.kind]}`}</Text>
        <Tag text={CLAIM_STATE_LABELS[c.state]} tone={CLAIM_STATE_TONE[c.state]} />
      </View>
      {c.text ? <Text className="lf-claim__text">{c.text}</Text> : null}
      {c.decisionNote ? <Text className="muted">{`说明：${c.decisionNote}`}</Text> : null}
      <Text className="muted">
        {c.handedOverAt
          ? `${dayjs(c.handedOverAt).format('M月D日 HH:mm')} 已交接`
          : dayjs(c.createdAt).format('M月D日 HH:mm')}
      </Text>
      {locked ? (
        <Text className="lf-claim__locked">{`交接码错误次数过多，请在 ${dayjs(locked).format('HH:mm')} 后再试`}</Text>
      ) : null}
      {state.form ? (
        <ClaimForm c={c} state={state} />
      ) : c.can.length ? (
        <View className="lf-claim__actions">
          {c.can.map((e) => (
            <Button
              key={e}
              id={`lf-claim-${e}-${c.id}`}
              size="small"
              type={e === 'accept' || e === 'handover' ? 'primary' : 'default'}
              disabled={state.pending}
              onClick={() => void state.press(e)}
            >
              {LABELS[e]}
            </Button>
          ))}
        </View>
      ) : null}
      <ErrorText of="form" id={`lf-claim-error-${c.id}`} message={state.errors.message} />
    </View>
  )
}

/** 认领与线索: every one for the poster and staff, one's own for anyone else. */
export function ClaimList({ p, onChanged }: { p: LostPostDetail; onChanged: () => void }) {
  if (!p.claims.length) return null
  const title = p.isOwner || p.isStaff ? `认领与线索（${p.claims.length}）` : '我的认领与线索'
  return (
    <Card title={title}>
      {p.claims.map((c) => (
        <ClaimRow key={c.id} c={c} onChanged={onChanged} />
      ))}
    </Card>
  )
}
