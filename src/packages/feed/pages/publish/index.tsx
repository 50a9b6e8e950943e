import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { Chips } from '../../../../components/chips'
import { ErrorText } from '../../../../components/error-text'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { FEED_KINDS, actions, type ActionInput, type FeedKind, type RoleGrant } from '../../../../contract'
import { FEED_KIND_LABELS, FEED_PAGES } from '../../../../copy/feed'
import { useAction } from '../../../../hooks/use-action'
import { useDesk } from '../../../../hooks/use-desk'
import { useFieldErrors } from '../../../../hooks/use-field-errors'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'

type Target = ActionInput<'feed.publish'>['target']

/** Where a post may go: this grid, all my grids, my community, my street — as the roles allow. */
function targetsOf(
  gridId: string,
  myGrids: string[],
  roles: RoleGrant[],
): { id: string; label: string; target: Target }[] {
  const community = roles.find((g) => g.role === 'community_admin')?.communityId
  const street = roles.find((g) => g.role === 'street_admin')?.streetId
  return [
    { id: 'grid', label: '本网格', target: { gridIds: [gridId] } },
    ...(myGrids.length > 1
      ? [{ id: 'mine', label: `我负责的 ${myGrids.length} 个网格`, target: { gridIds: myGrids } }]
      : []),
    ...(community ? [{ id: 'community', label: '全社区', target: { communityId: community } }] : []),
    ...(street ? [{ id: 'street', label: '全街道', target: { streetId: street } }] : []),
  ]
}

/** Staff publish a notice, a 明白纸 (with the department that answers for it) or an activity. */
export default function PublishPage() {
  const gridId = useRouter().params.gridId ?? ''
  const { me } = useMe()
  const desk = useDesk(true)
  const grid = useQuery(useCallback(() => call('grids.get', { gridId }), [gridId]))
  const publish = useAction('feed.publish')
  const errors = useFieldErrors(['title', 'body', 'departmentId', 'target', 'pdfUrl'])
  const [kind, setKind] = useState<FeedKind>('notice')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [pdfUrl, setPdfUrl] = useState('')
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [targetId, setTargetId] = useState('grid')
  if (!me || !desk.data || !grid.data)
    return (
      <PageStatus
        loading={desk.loading || grid.loading}
        error={desk.error ?? grid.error}
        onRetry={() => void grid.reload()}
      />
    )
  const myGrids = desk.data.grids.map((g) => g.id)
  const targets = targetsOf(gridId, myGrids, me.roles)
  const ownDepartments = desk.data.departments.map((d) => d.id)
  const departments = grid.data.departments.filter((d) => !ownDepartments.length || ownDepartments.includes(d.id))
  const submit = async () => {
    const payload = errors.parse(actions['feed.publish'].input, {
      kind,
      title,
      body,
      pdfUrl: pdfUrl.trim() || null,
      departmentId: kind === 'leaflet' ? departmentId : (ownDepartments[0] ?? null),
      target: targets.find((t) => t.id === targetId)?.target ?? { gridIds: [gridId] },
    })
    if (!payload) return
    try {
      const post = await publish.run(payload)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      void Taro.redirectTo({ url: FEED_PAGES.post(post.id, gridId) })
    } catch (err) {
      errors.fromError(err)
    }
  }
  return (
    <PageRoot className="page publish">
      <Card title="类型">
        <Chips
          idPrefix="kind-"
          items={FEED_KINDS.map((k) => ({ id: k, label: FEED_KIND_LABELS[k] }))}
          selected={[kind]}
          onToggle={(id) => setKind(FEED_KINDS.find((k) => k === id) ?? 'notice')}
        />
      </Card>
      <Card title="内容">
        <TextField
          id="publish-title"
          label="标题"
          value={title}
          maxLength={40}
          error={errors.field('title')}
          onChange={setTitle}
        />
        <TextField
          id="publish-body"
          label="正文"
          multiline
          value={body}
          maxLength={2000}
          error={errors.field('body')}
          onChange={setBody}
        />
        {kind === 'leaflet' ? (
          <>
            <Text className="muted">负责解答的部门（居民可直接拨打其咨询电话）</Text>
            <Chips
              idPrefix="dept-"
              items={departments.map((d) => ({ id: d.id, label: d.name }))}
              selected={departmentId ? [departmentId] : []}
              onToggle={setDepartmentId}
              empty="本网格还没有入格的部门"
            />
            <ErrorText message={errors.field('departmentId')} />
            <TextField
              id="publish-pdf"
              label="全文链接（可选）"
              placeholder="https://"
              value={pdfUrl}
              maxLength={300}
              error={errors.field('pdfUrl')}
              onChange={setPdfUrl}
            />
          </>
        ) : null}
      </Card>
      <Card title="发布范围">
        <Chips idPrefix="target-" items={targets} selected={[targetId]} onToggle={setTargetId} />
        <ErrorText message={errors.field('target')} />
      </Card>
      <ErrorText of="form" id="publish-error" message={errors.message} />
      <Button id="publish-submit" type="primary" block loading={publish.pending} onClick={() => void submit()}>
        发布
      </Button>
    </PageRoot>
  )
}
