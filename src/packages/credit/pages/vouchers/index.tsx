import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useMemo } from 'react'
import { Card } from '../../../../components/card'
import { PagedList } from '../../../../components/paged-list'
import { SvgImage } from '../../../../components/svg-image'
import { Tag } from '../../../../components/tag'
import { VOUCHER_STATE_LABELS, type ActionOutput } from '../../../../contract'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import { qrSvg } from '../../../../utils/qr-svg'
import { dayText, timeText } from '../../../../copy/credit'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

type Voucher = ActionOutput<'market.vouchers'>['items'][number]
const TONE = { issued: 'green', used: 'grey', expired: 'grey' } as const

function VoucherCard({ v, open }: { v: Voucher; open: boolean }) {
  const svg = useMemo(() => (open && v.state === 'issued' ? qrSvg(v.code) : null), [open, v.code, v.state])
  return (
    <View id={`voucher-${v.id}`} className={`voucher ${open ? 'voucher--open' : ''}`}>
      <View className="voucher__head">
        <Text className="voucher__name">{v.itemName}</Text>
        <Tag text={VOUCHER_STATE_LABELS[v.state]} tone={TONE[v.state]} />
      </View>
      <Text className="voucher__code" id={`voucher-code-${v.id}`}>
        {v.code}
      </Text>
      {svg ? <SvgImage svg={svg} className="voucher__qr" id={`voucher-qr-${v.id}`} /> : null}
      <Text className="muted">{`领取：${v.exchangePointName}（${v.exchangePointAddress}）`}</Text>
      <Text className="muted">
        {v.state === 'used' && v.usedAt
          ? `已于 ${timeText(v.usedAt)} 使用`
          : `${v.price} 分兑换于 ${timeText(v.createdAt)} · ${dayText(v.validUntil)}前有效`}
      </Text>
    </View>
  )
}

/** 我的兑换券: each voucher's code (and QR for the one just redeemed or tapped) to show at the 兑换点. */
export default function VouchersPage() {
  const { params } = useRouter()
  const list = usePaged(useCallback((cursor?: string) => call('market.vouchers', { cursor }), []))
  usePullRefresh(list.reload)
  return (
    <PageRoot className="page">
      <Card title="出示兑换码领取">
        <Text className="muted">到兑换点把兑换码或二维码给工作人员，核销后即可领取。兑换码只给本人使用。</Text>
      </Card>
      <PagedList
        list={list}
        emptyId="vouchers-empty"
        empty="还没有兑换券。在信用集市用积分兑换后会显示在这里。"
        renderItem={(v) => (
          <VoucherCard key={v.id} v={v} open={params.id ? params.id === v.id : v.state === 'issued'} />
        )}
      />
    </PageRoot>
  )
}
