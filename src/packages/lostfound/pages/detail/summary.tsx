import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { Card } from '../../../../components/card'
import { Tag } from '../../../../components/tag'
import type { LostPostDetail } from '../../../../contract'
import {
  KIND_TONE,
  LOST_CATEGORY_LABELS,
  LOST_KIND_LABELS,
  POST_STATE_LABELS,
  POST_STATE_TONE,
} from '../../../../copy/lostfound'

function Photos({ urls }: { urls: string[] }) {
  if (!urls.length) return null
  return (
    <View className="lf-detail__photos">
      {urls.map((u) => (
        <Image
          key={u}
          className="lf-detail__photo"
          src={u}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls, current: u })}
        />
      ))}
    </View>
  )
}

/** Where, when, whose, until when: the facts under the text. */
function Facts({ p }: { p: LostPostDetail }) {
  const staffOrOwner = p.isOwner || p.isStaff
  return (
    <View className="lf-detail__facts">
      {p.kind !== 'person' ? <Text>{`分类：${LOST_CATEGORY_LABELS[p.category]}`}</Text> : null}
      {p.place ? <Text id="lf-place-shown">{`地点：${p.place}`}</Text> : null}
      {p.location ? <Text className="muted">已在地图上标注地点</Text> : null}
      <Text>{`时间：${dayjs(p.happenedAt).format('YYYY年M月D日')}`}</Text>
      <Text>{`范围：${p.gridName ?? '全街道'}${p.gridName && p.wide ? '（全街道可见）' : ''}`}</Text>
      <Text>{`发布：${p.posterLabel} · ${dayjs(p.createdAt).format('M月D日 HH:mm')}`}</Text>
      {p.state === 'open' && staffOrOwner ? (
        <Text>{`有效期至：${dayjs(p.expiresAt).format('YYYY年M月D日')}，到期前可续期`}</Text>
      ) : null}
      {p.question && staffOrOwner ? <Text id="lf-question-shown">{`认领问题（不公开）：${p.question}`}</Text> : null}
      {p.closeReason ? <Text>{`关闭原因：${p.closeReason}`}</Text> : null}
    </View>
  )
}

/** The post as this viewer may read it (masked for the public, as typed for its poster and staff). */
export function Summary({ p }: { p: LostPostDetail }) {
  const hidden = p.category === 'id_card' && p.photoUrls.length === 0 && !p.isOwner && !p.isStaff
  return (
    <Card>
      <View className="lf-detail__head">
        <View className="tags">
          <Tag text={LOST_KIND_LABELS[p.kind]} tone={KIND_TONE[p.kind]} />
          <Tag text={POST_STATE_LABELS[p.state]} tone={POST_STATE_TONE[p.state]} />
        </View>
      </View>
      <Text id="lf-title-shown" className="lf-detail__title">
        {p.title}
      </Text>
      {p.text ? (
        <Text id="lf-text-shown" className="lf-detail__text">
          {p.text}
        </Text>
      ) : null}
      <Photos urls={p.photoUrls} />
      {hidden ? <Text className="muted">证件照片（如有）仅发布人和网格员可见</Text> : null}
      <Facts p={p} />
    </Card>
  )
}

/** 已归还: who handed what to whom and when, and what became of the finder's points. */
export function Returned({ p }: { p: LostPostDetail }) {
  if (p.state !== 'returned') return null
  const h = p.handover
  return (
    <Card>
      <View id="lf-returned" className="lf-detail__returned">
        <Text className="lf-detail__returned-mark">已归还</Text>
        {h ? (
          <>
            <Text>{`${h.finderName} 拾到，已交还 ${h.ownerName}`}</Text>
            <Text className="muted">{`交接时间：${dayjs(h.at).format('YYYY年M月D日 HH:mm')}`}</Text>
            <Text id="lf-points" className="lf-detail__points">
              {h.pointsAwarded ? '拾到者已获得信用积分，感谢拾金不昧！' : '拾到者的积分已记录，积分上线后自动发放'}
            </Text>
          </>
        ) : p.returnedAt ? (
          <Text className="muted">{`交接时间：${dayjs(p.returnedAt).format('YYYY年M月D日 HH:mm')}`}</Text>
        ) : null}
      </View>
    </Card>
  )
}
