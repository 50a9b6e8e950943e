import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { Card } from '../../../../components/card'
import { SvgImage } from '../../../../components/svg-image'
import type { LostPostDetail } from '../../../../contract'
import { qrSvg } from '../../../../utils/qr-svg'

/** The claimant's one-time hand-over code, large, with its QR: shown at the grid station or to the finder. */
export function HandOverCode({ p }: { p: LostPostDetail }) {
  const mine = p.claims.find((c) => c.isMine && c.state === 'accepted' && c.code)
  const code = mine?.code ?? null
  const svg = useMemo(() => (code ? qrSvg(code) : null), [code])
  if (!code || !svg) return null
  return (
    <Card title="交接码">
      <View className="lf-code">
        <Text className="muted">认领已通过。请到网格服务站或向拾到者出示此码，对方输入后即完成交接。</Text>
        <Text id="lf-code" className="lf-code__digits">
          {`${code.slice(0, 3)} ${code.slice(3)}`}
        </Text>
        <SvgImage id="lf-code-qr" svg={svg} className="lf-code__qr" />
        <Text className="muted">交接码只给您本人看，请勿转发给他人</Text>
      </View>
    </Card>
  )
}
