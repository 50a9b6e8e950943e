import { Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PagedList } from '../../../../components/paged-list'
import { PageStatus } from '../../../../components/page-status'
import { Tag, type TagTone } from '../../../../components/tag'
import { LEDGER_KIND_LABELS, type ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { CREDIT_PAGES, dayText, timeText } from '../../../../copy/credit'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

type Entry = ActionOutput<'credit.ledger'>['items'][number]
const KIND_TONE: Record<Entry['kind'], TagTone> = {
  earn: 'green',
  revoke: 'orange',
  spend: 'blue',
  expire: 'grey',
  correct: 'orange',
}

function EntryRow({ e }: { e: Entry }) {
  const open = () => {
    if (e.link) void Taro.navigateTo({ url: e.link })
  }
  return (
    <View className={`credit-entry ${e.link ? 'credit-entry--link' : ''}`} onClick={open}>
      <View className="credit-entry__main">
        <View className="credit-entry__head">
          <Tag text={LEDGER_KIND_LABELS[e.kind]} tone={KIND_TONE[e.kind]} />
          <Text className="credit-entry__reason">{e.reason}</Text>
        </View>
        <Text className="muted">
          {timeText(e.at)}
          {e.expiresAt ? ` · ${dayText(e.expiresAt - 1)}前有效` : ''}
          {e.link ? ' · 查看 ›' : ''}
        </Text>
      </View>
      <Text className={`credit-entry__points ${e.points >= 0 ? 'credit-entry__points--up' : ''}`}>
        {e.points > 0 ? `+${e.points}` : e.points}
      </Text>
    </View>
  )
}

/** 我的积分: balance, what lapses soon, rank, the grid's leaders, and every entry with what earned it. */
export default function CreditHomePage() {
  const summary = useQuery(useCallback(() => call('credit.summary', {}), []))
  const ledger = usePaged(useCallback((cursor?: string) => call('credit.ledger', { cursor }), []))
  const ranking = useAction('credit.setRanking')
  usePullRefresh(async () => {
    await Promise.all([summary.reload(), ledger.reload()])
  })
  const s = summary.data
  const toggle = async (hidden: boolean) => {
    try {
      summary.setData(await ranking.run({ hidden }))
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }
  if (!s) return <PageStatus loading={summary.loading} error={summary.error} onRetry={() => void summary.reload()} />
  return (
    <PageRoot className="page">
      <View className="credit-banner">
        <Text className="credit-banner__label">我的积分</Text>
        <Text id="credit-balance" className="credit-banner__balance">
          {s.balance}
        </Text>
        <Text className="credit-banner__sub">{`累计获得 ${s.earned} · 已兑换 ${s.spent}`}</Text>
        {s.expiringSoon.points > 0 && s.expiringSoon.at ? (
          <Text id="credit-expiring" className="credit-banner__warn">
            {`${s.expiringSoon.points} 分将于 ${dayText(s.expiringSoon.at - 1)} 后过期，记得兑换`}
          </Text>
        ) : null}
      </View>
      <View className="credit-actions">
        <Button id="go-market" type="primary" onClick={() => void Taro.navigateTo({ url: CREDIT_PAGES.market })}>
          信用集市
        </Button>
        <Button id="go-vouchers" fill="outline" onClick={() => void Taro.navigateTo({ url: CREDIT_PAGES.vouchers })}>
          我的兑换券
        </Button>
        <Button
          id="go-activities"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: CREDIT_PAGES.activities })}
        >
          志愿活动
        </Button>
      </View>
      <Card title="积分排行">
        <View className="credit-rank">
          <Text id="credit-rank" className="para">
            {s.rankHidden
              ? '您已选择不参与排名'
              : s.gridRank
                ? `本网格第 ${s.gridRank} 名${s.streetRank ? `，全街道第 ${s.streetRank} 名` : ''}`
                : '获得积分后即可参与排名'}
          </Text>
          <View className="credit-rank__switch">
            <Text className="muted">参与排名</Text>
            <Switch
              id="credit-rank-switch"
              checked={!s.rankHidden}
              disabled={ranking.pending}
              onChange={(ev) => void toggle(!ev.detail.value)}
            />
          </View>
        </View>
        {s.leaders.map((l, i) => (
          <View key={`${l.name}-${i}`} className={`credit-leader ${l.isMe ? 'credit-leader--me' : ''}`}>
            <Text>{`${i + 1}. ${l.name}${l.isMe ? '（我）' : ''}`}</Text>
            <Text>{`${l.balance} 分`}</Text>
          </View>
        ))}
        <Text className="muted">排行只显示姓氏，不参与排名的居民不会出现。</Text>
      </Card>
      <Card title="积分明细">
        <PagedList
          list={ledger}
          emptyId="credit-ledger-empty"
          empty="还没有积分记录。随手拍被网格员受理、参加志愿活动、拾金不昧都能获得积分。"
          renderItem={(e) => <EntryRow key={e.id} e={e} />}
        />
      </Card>
    </PageRoot>
  )
}
