import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { Card } from '../../../../components/card'
import { ListFooter } from '../../../../components/grids/list-footer'
import { PageStatus } from '../../../../components/page-status'
import { Tag, type TagTone } from '../../../../components/grids/tag'
import { usePaged } from '../../../../hooks/use-paged'
import { usePullRefresh } from '../../../../hooks/use-pull-refresh'
import { call } from '../../../../services/api'
import './index.css'

/** Short Chinese names of audited actions; an action not listed here shows its detail only. */
const ACTION_LABELS: Partial<Record<string, { label: string; tone: TagTone }>> = {
  'grid.create': { label: '新建网格', tone: 'blue' },
  'grid.update': { label: '修改网格', tone: 'blue' },
  'grid.archive': { label: '停用网格', tone: 'orange' },
  'grid.restore': { label: '恢复网格', tone: 'blue' },
  'invite.create': { label: '发放邀请码', tone: 'green' },
  'invite.revoke': { label: '撤销邀请码', tone: 'orange' },
  'role.grant': { label: '授予身份', tone: 'green' },
  'role.revoke': { label: '撤销身份', tone: 'orange' },
  'records.lookup': { label: '查阅住户', tone: 'red' },
  'records.registerOffline': { label: '登记住户', tone: 'blue' },
  'contact.call': { label: '拨打电话', tone: 'red' },
  'department.create': { label: '新增部门', tone: 'blue' },
  'department.enter': { label: '部门入格', tone: 'green' },
  'department.leave': { label: '部门退出', tone: 'orange' },
  'category.save': { label: '分类时限', tone: 'blue' },
}

/** 操作记录: who did what and when, newest first (grants, invites, record look-ups, calls). */
export default function AuditPage() {
  const list = usePaged(useCallback((cursor?: string) => call('audit.list', { cursor }), []))
  usePullRefresh(list.reload)
  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
  return (
    <View className="page">
      <Card title="操作记录" extra={<Text className="muted">查阅住户、授权等操作均留痕</Text>}>
        {list.data.items.length === 0 ? <Text className="para">暂无操作记录</Text> : null}
        {list.data.items.map((e) => {
          const kind = ACTION_LABELS[e.action]
          return (
            <View key={e.id} id={`audit-${e.id}`} className="audit">
              <View className="audit__top">
                <Text className="audit__time">{dayjs(e.at).format('MM-DD HH:mm')}</Text>
                <Text className="audit__actor">{e.actorName}</Text>
                {kind ? <Tag text={kind.label} tone={kind.tone} /> : null}
              </View>
              <Text className="audit__detail">{e.detail}</Text>
            </View>
          )
        })}
        <ListFooter
          id="audit-more"
          hasMore={list.data.nextCursor !== null}
          loading={list.loadingMore}
          error={list.moreError}
          onMore={() => void list.loadMore()}
        />
      </Card>
    </View>
  )
}
