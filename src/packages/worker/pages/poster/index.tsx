import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { useAction } from '../../../../hooks/use-action'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { userMessage } from '../../../../services/call-error'
import { PosterSheet } from './poster-sheet'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** The browser build points the QR at this site's join link; WeChat builds use the mini-program code. */
function baseUrl(): string | undefined {
  return process.env.TARO_ENV === 'h5' ? window.location.origin : undefined
}

const ROTATE_WARNING =
  '更换后，已张贴和已转发的旧二维码、旧加入码会立即失效，扫码的居民会看到“该二维码已更新”。已加入的居民不受影响。确定更换吗？'

/** 更换二维码, after a warning: the old code stops working at once. */
function useRotateCode(gridId: string, onRotated: () => Promise<void>) {
  const rotate = useAction('grids.rotateCode')
  const confirmRotate = async () => {
    const answer = await Taro.showModal({
      title: '更换二维码',
      content: ROTATE_WARNING,
      confirmText: '确定更换',
      confirmColor: '#e53029',
    })
    if (!answer.confirm) return
    try {
      const { joinCode } = await rotate.run({ gridId })
      await onRotated()
      void Taro.showToast({ title: `新加入码 ${joinCode}`, icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
    }
  }
  return { confirmRotate, pending: rotate.pending }
}

function PosterTools({ rotating, onRotate }: { rotating: boolean; onRotate: () => void }) {
  return (
    <Card className="poster__tools" title="使用说明">
      <Text className="para">打印后张贴在楼道、公告栏和网格服务站。居民扫码后填写楼号、单元、房号即可加入本网格。</Text>
      <Text className="para poster__warn">
        二维码被乱贴或外传时，可以更换二维码：旧二维码和旧加入码会立即失效，需重新张贴。
      </Text>
      <View className="poster__buttons">
        {process.env.TARO_ENV === 'h5' ? (
          <Button id="poster-print" fill="outline" onClick={() => window.print()}>
            打印海报
          </Button>
        ) : (
          <Text className="muted poster__save">截屏保存后即可打印</Text>
        )}
        <Button id="poster-rotate" type="primary" loading={rotating} disabled={rotating} onClick={onRotate}>
          更换二维码
        </Button>
      </View>
    </Card>
  )
}

export default function PosterPage() {
  const gridId = useRouter().params.gridId ?? ''
  const poster = useQuery(useCallback(() => call('grids.poster', { gridId, baseUrl: baseUrl() }), [gridId]))
  const rotate = useRotateCode(gridId, poster.reload)
  if (!gridId)
    return <PageStatus loading={false} error="缺少网格参数，请从工作台进入" onRetry={() => void Taro.navigateBack()} />
  if (!poster.data)
    return <PageStatus loading={poster.loading} error={poster.error} onRetry={() => void poster.reload()} />
  return (
    <PageRoot className="page poster-page">
      <PosterSheet poster={poster.data} />
      <PosterTools rotating={rotate.pending} onRotate={() => void rotate.confirmRotate()} />
    </PageRoot>
  )
}
