import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { actions } from '../../../../contract'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { MemberList } from './member-list'
import { OfflineForm } from './offline-form'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

/** The search box; the query is checked by grids.members' schema before it is run. */
function MemberSearch({ gridId, onSearch }: { gridId: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState('')
  const errors = useFieldErrors(['q'])
  const search = () => {
    const input = errors.parse(actions['grids.members'].input, { gridId, q: draft })
    if (input) onSearch(input.q ?? '')
  }
  return (
    <TextField
      id="members-search"
      placeholder="姓名或楼号单元房号，如 3号楼2单元"
      value={draft}
      maxLength={20}
      error={errors.field('q') ?? errors.message}
      onChange={setDraft}
      onConfirm={search}
      action={
        <Button id="members-search-submit" size="small" type="primary" onClick={search}>
          查询
        </Button>
      }
    />
  )
}

/** 住户名册: search, register residents without phones, appoint building heads. */
export default function MembersPage() {
  const gridId = useRouter().params.gridId ?? ''
  const grid = useQuery(useCallback(() => call('grids.get', { gridId }), [gridId]))
  const [search, setSearch] = useState({ q: '', version: 0 })
  const renew = (q: string) => setSearch((s) => ({ q, version: s.version + 1 }))

  if (!grid.data)
    return (
      <PageStatus
        loading={grid.loading}
        error={grid.error ?? (gridId ? null : '缺少网格参数，请从工作台进入')}
        onRetry={() => void grid.reload()}
      />
    )
  return (
    <PageRoot className="page members">
      <Card title={grid.data.name} extra={<Text className="muted">{`${grid.data.memberCount} 位居民`}</Text>}>
        <MemberSearch gridId={gridId} onSearch={renew} />
        <Text id="members-notice" className="notice notice--small">
          住户信息仅限本网格工作人员用于服务居民。每次查看和查询都会记录在操作日志中，请勿截图外传。
        </Text>
        <MemberList key={`${search.q}#${search.version}`} gridId={gridId} q={search.q} />
      </Card>
      <Card title="登记无手机住户">
        <OfflineForm
          gridId={gridId}
          onDone={() => {
            renew(search.q)
            void grid.reload()
          }}
        />
      </Card>
    </PageRoot>
  )
}
