import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { MemberList } from './member-list'
import { OfflineForm } from './offline-form'
import './index.css'

/** 住户名册: search, register residents without phones, appoint building heads. */
export default function MembersPage() {
  const gridId = useRouter().params.gridId ?? ''
  const grid = useQuery(useCallback(() => call('grids.get', { gridId }), [gridId]))
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const [version, setVersion] = useState(0)
  const search = () => {
    setQuery(draft.trim().slice(0, 20))
    setVersion((v) => v + 1)
  }

  if (!grid.data)
    return (
      <PageStatus
        loading={grid.loading}
        error={grid.error ?? (gridId ? null : '缺少网格参数，请从工作台进入')}
        onRetry={() => void grid.reload()}
      />
    )
  return (
    <View className="page members">
      <Card title={grid.data.name} extra={<Text className="muted">{`${grid.data.memberCount} 位居民`}</Text>}>
        <View className="members__search">
          <Input
            id="members-search"
            className="members__input"
            placeholder="姓名或楼号单元房号，如 3号楼2单元"
            value={draft}
            maxlength={20}
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={search}
          />
          <Button id="members-search-submit" size="small" type="primary" onClick={search}>
            查询
          </Button>
        </View>
        <Text id="members-notice" className="members__notice">
          住户信息仅限本网格工作人员用于服务居民。每次查看和查询都会记录在操作日志中，请勿截图外传。
        </Text>
        <MemberList key={`${query}#${version}`} gridId={gridId} q={query} />
      </Card>
      <Card title="登记无手机住户">
        <OfflineForm
          gridId={gridId}
          onDone={() => {
            setVersion((v) => v + 1)
            void grid.reload()
          }}
        />
      </Card>
    </View>
  )
}
