import { Image, Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../contract'
import { ROLE_LABELS } from '../../../../copy/roles'
import { SvgImage } from '../../../../components/svg-image'

type Poster = ActionOutput<'grids.poster'>

/** The printable poster: who the grid is, the QR (mini-program code when the cloud made one), the code. */
export function PosterSheet({ poster }: { poster: Poster }) {
  return (
    <View id="poster" className="poster">
      <Text className="poster__kicker">e网情深 · 扫码加入网格</Text>
      <Text id="poster-grid-name" className="poster__name">
        {poster.gridName}
      </Text>
      <Text className="poster__place">{poster.communityName}</Text>
      <View className="poster__qr-box">
        {poster.miniCodeUrl ? (
          <Image id="poster-qr" className="poster__qr" src={poster.miniCodeUrl} mode="aspectFit" />
        ) : poster.qrSvg ? (
          <SvgImage id="poster-qr" svg={poster.qrSvg} className="poster__qr" />
        ) : (
          <Text className="poster__qr poster__qr--none">二维码生成失败，请使用下方加入码</Text>
        )}
      </View>
      <Text className="poster__scan">{poster.miniCodeUrl ? '微信扫一扫，加入本网格' : '手机扫一扫，打开加入页面'}</Text>
      {poster.joinUrl && !poster.miniCodeUrl ? (
        <Text id="poster-join-url" className="poster__url">
          {poster.joinUrl}
        </Text>
      ) : null}
      <Text className="poster__code-label">加入码</Text>
      <Text id="poster-join-code" className="poster__code">
        {poster.joinCode}
      </Text>
      <Text className="poster__code-hint">无法扫码时，打开上方网址，或在「网格通」首页点“输入加入码”</Text>
      <View className="poster__workers">
        <Text className="poster__workers-label">{ROLE_LABELS.grid_worker}</Text>
        <Text className="poster__workers-names">{poster.workerNames.join('、') || '暂未配备'}</Text>
      </View>
      <Text className="poster__slogan">有事找网格 · 小事不出社区 · 大事不出街道</Text>
    </View>
  )
}
