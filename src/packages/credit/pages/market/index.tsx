import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PagedList } from '../../../../components/paged-list'
import type { ActionOutput } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { CREDIT_PAGES, dayText } from '../../../../copy/credit'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

type Item = ActionOutput<'market.list'>['items'][number]

/** Why an item cannot be redeemed now, or null. */
function blocker(item: Item, balance: number | null): string | null {
  if (item.stock <= 0) return '已兑完'
  if (item.mine >= item.perPersonLimit) return `每人限兑 ${item.perPersonLimit} 件，已兑换`
  if (balance !== null && balance < item.price) return `还差 ${item.price - balance} 分`
  return null
}

/** 信用集市: what points buy, where to collect it; 兑换 asks first, then shows the voucher. */
export default function MarketPage() {
  const summary = useQuery(useCallback(() => call('credit.summary', {}), []))
  const list = usePaged(useCallback((cursor?: string) => call('market.list', { cursor }), []))
  const redeem = useAction('market.redeem')
  const [busy, setBusy] = useState<string | null>(null)
  usePullRefresh(async () => {
    await Promise.all([summary.reload(), list.reload()])
  })
  const balance = summary.data?.balance ?? null

  const buy = async (item: Item) => {
    const ok = await Taro.showModal({
      title: '积分兑换',
      content: `用 ${item.price} 积分兑换「${item.name}」？兑换后请到${item.exchangePoint.name}出示兑换码领取。`,
      confirmText: '确认兑换',
    })
    if (!ok.confirm) return
    setBusy(item.id)
    try {
      const voucher = await redeem.run({ itemId: item.id })
      void Taro.navigateTo({ url: `${CREDIT_PAGES.vouchers}?id=${voucher.id}` })
      await Promise.all([summary.reload(), list.reload()])
    } catch (err) {
      void Taro.showModal({ title: '未能兑换', content: userMessage(err), showCancel: false })
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageRoot className="page">
      <Card>
        <Text id="market-balance" className="market-balance">
          {balance === null ? '正在读取积分…' : `我的积分：${balance}`}
        </Text>
      </Card>
      <Card title="可兑换">
        <PagedList
          list={list}
          emptyId="market-empty"
          empty="集市暂时没有物品，街道和社区上架后会显示在这里。"
          renderItem={(item) => {
            const why = blocker(item, balance)
            return (
              <View key={item.id} id={`item-${item.id}`} className="market-item">
                <View className="market-item__head">
                  <Text className="market-item__name">{item.name}</Text>
                  <Text className="market-item__price">{`${item.price} 分`}</Text>
                </View>
                {item.description ? <Text className="para">{item.description}</Text> : null}
                <Text className="muted">
                  {`剩余 ${item.stock} 件 · 每人限兑 ${item.perPersonLimit} 件 · ${item.scopeLabel} · ${dayText(item.validUntil)}前有效`}
                </Text>
                <Text className="muted">{`领取：${item.exchangePoint.name}（${item.exchangePoint.address}）`}</Text>
                <Button
                  id={`redeem-${item.id}`}
                  type="primary"
                  size="small"
                  disabled={why !== null || busy !== null}
                  loading={busy === item.id}
                  onClick={() => void buy(item)}
                >
                  {why ?? '兑换'}
                </Button>
              </View>
            )
          }}
        />
      </Card>
    </PageRoot>
  )
}
