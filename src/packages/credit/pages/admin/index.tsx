import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useMe } from '../../../../hooks/use-me'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { fieldMessage, userMessage } from '../../../../services/call-error'
import { openWorkbook } from './exports'
import { RuleRow } from './rules'
import { CorrectForm } from './correct-form'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const DAY = 86_400_000

function ItemForm({ onSaved }: { onSaved: () => void }) {
  const points = useQuery(useCallback(() => call('market.exchangePoints', {}), []))
  const save = useAction('market.save')
  const [v, setV] = useState({ name: '', price: '', stock: '', limit: '1', days: '30', point: '' })
  const [errors, setErrors] = useState<Record<string, string | null>>({})
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value })
  const submit = async () => {
    setErrors({})
    try {
      await save.run({
        exchangePointId: v.point || (points.data?.items[0]?.id ?? ''),
        name: v.name,
        price: Number(v.price),
        stock: Number(v.stock),
        perPersonLimit: Number(v.limit),
        validUntil: Date.now() + Number(v.days || '30') * DAY,
      })
      setV({ name: '', price: '', stock: '', limit: '1', days: '30', point: v.point })
      void Taro.showToast({ title: '已上架', icon: 'success' })
      onSaved()
    } catch (err) {
      const f = (p: string) => fieldMessage(err, p)
      setErrors({
        name: f('name'),
        price: f('price'),
        stock: f('stock'),
        limit: f('perPersonLimit'),
        form: userMessage(err),
      })
    }
  }
  return (
    <View>
      <Text className="credit-admin__sub">上架新物品</Text>
      <TextField id="item-name" label="名称" value={v.name} onChange={set('name')} error={errors.name} maxLength={30} />
      <TextField
        id="item-price"
        label="所需积分"
        type="number"
        value={v.price}
        onChange={set('price')}
        error={errors.price}
      />
      <TextField
        id="item-stock"
        label="库存"
        type="number"
        value={v.stock}
        onChange={set('stock')}
        error={errors.stock}
      />
      <TextField
        id="item-limit"
        label="每人限兑"
        type="number"
        value={v.limit}
        onChange={set('limit')}
        error={errors.limit}
      />
      <TextField id="item-days" label="有效天数" type="number" value={v.days} onChange={set('days')} />
      <Text className="muted">领取兑换点</Text>
      <Chips
        idPrefix="item-point-"
        items={(points.data?.items ?? []).map((p) => ({ id: p.id, label: p.name }))}
        selected={[v.point || (points.data?.items[0]?.id ?? '')]}
        onToggle={set('point')}
        empty="还没有兑换点"
      />
      {errors.form && !errors.name && !errors.price && !errors.stock && !errors.limit ? (
        <Text className="credit-admin__error">{errors.form}</Text>
      ) : null}
      <Button id="item-save" type="primary" block loading={save.pending} onClick={() => void submit()}>
        上架
      </Button>
    </View>
  )
}

/** 积分与集市 (admins): the street's earning rules, points per grid and month, Excel exports, the market's items. */
export default function CreditAdminPage() {
  const { me } = useMe()
  const [month, setMonth] = useState(thisMonth())
  const rules = useQuery(useCallback(() => call('credit.rules', {}), []))
  const stats = useQuery(useCallback(() => call('credit.stats', { month }), [month]))
  const items = useQuery(useCallback(() => call('market.list', { manage: true }), []))
  const exporting = useAction('credit.export')
  usePullRefresh(async () => {
    await Promise.all([rules.reload(), stats.reload(), items.reload()])
  })
  if (!me) return <PageStatus loading error={null} onRetry={() => undefined} />
  const streetAdmin = me.roles.some((g) => g.role === 'street_admin')
  const months = [0, 1, 2].map((back) => {
    const d = new Date(Date.now() + 8 * 3600_000)
    d.setUTCDate(1)
    d.setUTCMonth(d.getUTCMonth() - back)
    return d.toISOString().slice(0, 7)
  })
  const download = async (what: 'ledger' | 'redemptions') => {
    try {
      const out = await exporting.run({ what, month })
      if (out.rows === 0) {
        void Taro.showToast({ title: '该月没有记录', icon: 'none' })
        return
      }
      await openWorkbook(out.url, out.fileName)
    } catch (err) {
      void Taro.showModal({ title: '导出失败', content: userMessage(err), showCancel: false })
    }
  }
  return (
    <PageRoot className="page">
      <Card title="积分统计">
        <Chips
          idPrefix="month-"
          items={months.map((m) => ({ id: m, label: m }))}
          selected={[month]}
          onToggle={setMonth}
        />
        {stats.data ? (
          stats.data.items.length ? (
            <View id="credit-stats" className="credit-admin__table">
              <View className="credit-admin__tr credit-admin__th">
                <Text>网格</Text>
                <Text>发放</Text>
                <Text>兑换</Text>
                <Text>过期</Text>
              </View>
              {stats.data.items.map((r) => (
                <View key={`${r.month}-${r.gridId ?? '-'}`} className="credit-admin__tr">
                  <Text>{r.gridName}</Text>
                  <Text>{r.issued}</Text>
                  <Text>{r.redeemed}</Text>
                  <Text>{r.expired}</Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className="muted">该月还没有积分发放或兑换。</Text>
          )
        ) : (
          <PageStatus loading={stats.loading} error={stats.error} onRetry={() => void stats.reload()} />
        )}
        <View className="credit-admin__exports">
          <Button
            id="export-ledger"
            size="small"
            fill="outline"
            loading={exporting.pending}
            onClick={() => void download('ledger')}
          >
            导出积分明细
          </Button>
          <Button
            id="export-redemptions"
            size="small"
            fill="outline"
            loading={exporting.pending}
            onClick={() => void download('redemptions')}
          >
            导出兑换记录
          </Button>
        </View>
      </Card>
      <Card title="集市物品">
        {(items.data?.items ?? []).map((i) => (
          <View key={i.id} className="credit-admin__tr">
            <Text>{i.name}</Text>
            <Text>{`${i.price} 分`}</Text>
            <Text>{`剩余 ${i.stock}`}</Text>
          </View>
        ))}
        <ItemForm onSaved={() => void items.reload()} />
      </Card>
      <Card title="积分调整">
        <CorrectForm />
      </Card>
      {streetAdmin ? (
        <Card title="积分规则">
          <Text className="muted">积分只奖励，不扣罚。每日上限按每人每天计算。</Text>
          {(rules.data?.items ?? []).map((r) => (
            <RuleRow key={r.event} rule={r} onSaved={() => void rules.reload()} />
          ))}
        </Card>
      ) : null}
    </PageRoot>
  )
}
