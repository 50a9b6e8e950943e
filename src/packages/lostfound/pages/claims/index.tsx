import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { openPost } from '../../../../components/lostfound/post-list'
import { PagedList } from '../../../../components/paged-list'
import { Tag } from '../../../../components/tag'
import { CLAIM_LISTS, type ClaimView } from '../../../../contract'
import {
  CLAIM_KIND_LABELS,
  CLAIM_STATE_LABELS,
  CLAIM_STATE_TONE,
  LOST_KIND_LABELS,
  isLostFoundStaff,
} from '../../../../copy/lostfound'
import { useMe } from '../../../../hooks/use-me'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

type Which = (typeof CLAIM_LISTS)[number]

const TITLES: Record<Which, string> = { mine: '我的认领', received: '待我处理', grid: '网格待处理' }
const EMPTY: Record<Which, string> = {
  mine: '还没有认领过物品或提供过线索。',
  received: '您发布的启事暂时没有待核对或待交接的认领。收到的线索会发到“我的消息”，也可以在启事里查看。',
  grid: '您负责的网格暂无待核对的认领和待交接的物品。',
}

function ClaimRow({ c }: { c: ClaimView }) {
  const who = c.isMine ? '我' : c.claimantName
  return (
    <View
      id={`claim-${c.id}`}
      className="lf-claims__item"
      hoverClass="lf-claims__item--pressed"
      onClick={() => openPost(c.postId)}
    >
      <View className="lf-claims__top">
        <Text className="lf-claims__title">{c.postTitle}</Text>
        <Tag text={CLAIM_STATE_LABELS[c.state]} tone={CLAIM_STATE_TONE[c.state]} />
      </View>
      <Text className="lf-claims__text">{c.text}</Text>
      <Text className="muted">
        {`${LOST_KIND_LABELS[c.postKind]} · ${who}的${CLAIM_KIND_LABELS[c.kind]} · ${dayjs(c.createdAt).format('M月D日 HH:mm')}`}
      </Text>
      {c.isMine && c.state === 'accepted' ? <Text className="lf-claims__hint">已通过，点开查看交接码</Text> : null}
    </View>
  )
}

const parseWhich = (v: string | undefined): Which => CLAIM_LISTS.find((w) => w === v) ?? 'mine'

/** 我的认领 / 待我处理 / 网格待处理 (grid workers): claims and clues, newest first; tap for the post. */
export default function ClaimsPage() {
  const [which, setWhich] = useState<Which>(parseWhich(useRouter().params.which))
  const me = useMe()
  // Grid workers and admins also see what waits at the grid station of their grids.
  const lists: Which[] = me.me && isLostFoundStaff(me.me.roles) ? ['grid', 'received', 'mine'] : ['mine', 'received']
  const list = usePaged(useCallback((cursor?: string) => call('lostfound.claims', { which, cursor }), [which]))
  usePullRefresh(list.reload)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: TITLES[which] })
  }, [which])
  return (
    <PageRoot className="page">
      <Card>
        <Chips
          idPrefix="claims-"
          items={lists.map((w) => ({ id: w, label: TITLES[w] }))}
          selected={[which]}
          onToggle={(id) => setWhich(parseWhich(id))}
        />
        <View className="lf-claims__list">
          <PagedList
            list={list}
            empty={EMPTY[which]}
            emptyId="claims-empty"
            moreId="claims-more"
            renderItem={(c) => <ClaimRow key={c.id} c={c} />}
          />
        </View>
      </Card>
    </PageRoot>
  )
}
