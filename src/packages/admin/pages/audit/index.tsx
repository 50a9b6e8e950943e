import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { PagedList } from '../../../../components/paged-list'
import { Tag } from '../../../../components/tag'
import type { ActionOutput } from '../../../../contract'
import { auditTag } from '../../../../copy/admin'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

type Entry = ActionOutput<'audit.list'>['items'][number]

function AuditRow({ entry: e }: { entry: Entry }) {
  const kind = auditTag(e.action)
  return (
    <View id={`audit-${e.id}`} className="audit">
      <View className="audit__top">
        <Text className="audit__time">{dayjs(e.at).format('MM-DD HH:mm')}</Text>
        <Text className="audit__actor">{e.actorName}</Text>
        {kind ? <Tag text={kind.label} tone={kind.tone} /> : null}
      </View>
      <Text className="audit__detail">{e.detail}</Text>
    </View>
  )
}

/** 操作记录: who did what and when, newest first (grants, invites, record look-ups, calls). */
export default function AuditPage() {
  const list = usePaged(useCallback((cursor?: string) => call('audit.list', { cursor }), []))
  usePullRefresh(list.reload)
  return (
    <PageRoot className="page">
      <Card title="操作记录" extra={<Text className="muted">查阅住户、授权等操作均留痕</Text>}>
        <PagedList
          list={list}
          empty="暂无操作记录"
          moreId="audit-more"
          renderItem={(e) => <AuditRow key={e.id} entry={e} />}
        />
      </Card>
    </PageRoot>
  )
}
