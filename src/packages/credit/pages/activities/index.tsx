import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PagedList } from '../../../../components/paged-list'
import { Tag } from '../../../../components/tag'
import { TextField } from '../../../../components/text-field'
import { SIGNUP_STATE_LABELS, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { fieldMessage, userMessage } from '../../../../services/call-error'
import { timeText } from '../../../../copy/credit'
import { PageRoot } from '../../../../components/page-root'

type Activity = ActionOutput<'activities.list'>['items'][number]

function ActivityCard({ a, onChange }: { a: Activity; onChange: () => Promise<void> }) {
  const signup = useAction('activities.signup')
  const cancel = useAction('activities.cancelSignup')
  const checkin = useAction('activities.checkin')
  const confirm = useAction('activities.confirm')
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      await onChange()
    } catch (err) {
      void Taro.showModal({ title: '未能完成', content: userMessage(err), showCancel: false })
    }
  }
  const checkIn = async () => {
    setCodeError(null)
    try {
      await checkin.run({ activityId: a.id, code })
      setCode('')
      await onChange()
    } catch (err) {
      setCodeError(fieldMessage(err, 'code') ?? userMessage(err))
    }
  }
  return (
    <Card title={a.title} extra={<Text className="muted">{`${a.signedUp}/${a.capacity} 人`}</Text>}>
      <Text className="para">{a.description}</Text>
      <Text className="muted">{`${timeText(a.startsAt)} – ${timeText(a.endsAt)} · ${a.place} · ${a.scopeLabel}`}</Text>
      {a.pointsPerHour > 0 ? <Text className="muted">{`确认服务时长后每小时 ${a.pointsPerHour} 积分`}</Text> : null}
      {a.mySignup && a.mySignup.state !== 'cancelled' ? (
        <View className="para">
          <Tag text={SIGNUP_STATE_LABELS[a.mySignup.state]} tone="green" />
          {a.mySignup.state === 'signed' ? (
            <Text
              id={`signup-code-${a.id}`}
              className="para"
            >{`签到码：${a.mySignup.code}（到场出示给工作人员）`}</Text>
          ) : null}
        </View>
      ) : null}
      {a.can.includes('signup') ? (
        <Button
          id={`signup-${a.id}`}
          type="primary"
          size="small"
          loading={signup.pending}
          onClick={() => void act(() => signup.run({ activityId: a.id }))}
        >
          报名
        </Button>
      ) : null}
      {a.can.includes('cancel_signup') ? (
        <Button
          size="small"
          fill="outline"
          loading={cancel.pending}
          onClick={() => void act(() => cancel.run({ activityId: a.id }))}
        >
          取消报名
        </Button>
      ) : null}
      {a.can.includes('checkin') ? (
        <TextField
          id={`checkin-${a.id}`}
          label="志愿者签到"
          value={code}
          onChange={setCode}
          placeholder="志愿者出示的 6 位签到码"
          maxLength={6}
          type="number"
          error={codeError}
          action={
            <Button size="small" type="primary" loading={checkin.pending} onClick={() => void checkIn()}>
              签到
            </Button>
          }
        />
      ) : null}
      {a.signups.map((s) => (
        <View key={s.id} className="para">
          <Text>{`${s.name} · ${SIGNUP_STATE_LABELS[s.state]}${s.hours ? ` · ${s.hours} 小时` : ''}`}</Text>
          {s.state === 'checked_in' && a.can.includes('confirm') ? (
            <Button
              size="small"
              fill="outline"
              loading={confirm.pending}
              onClick={() =>
                void act(() =>
                  confirm.run({
                    signupId: s.id,
                    hours: Math.max(0.5, Math.round(((a.endsAt - a.startsAt) / 3600_000) * 2) / 2),
                  }),
                )
              }
            >
              {`确认 ${Math.max(0.5, Math.round(((a.endsAt - a.startsAt) / 3600_000) * 2) / 2)} 小时`}
            </Button>
          ) : null}
        </View>
      ))}
    </Card>
  )
}

/** 志愿活动: sign up and show the check-in code; staff check volunteers in and confirm their hours. */
export default function ActivitiesPage() {
  const list = usePaged(useCallback((cursor?: string) => call('activities.list', { cursor }), []))
  usePullRefresh(list.reload)
  return (
    <PageRoot className="page">
      <PagedList
        list={list}
        emptyId="activities-empty"
        empty="近期没有志愿活动。社区发布后会显示在这里。"
        renderItem={(a) => <ActivityCard key={a.id} a={a} onChange={list.reload} />}
      />
    </PageRoot>
  )
}
