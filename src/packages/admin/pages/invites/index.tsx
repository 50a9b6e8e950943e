import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Card } from '../../../../components/card'
import { PageStatus } from '../../../../components/page-status'
import type { ActionOutput } from '../../../../contract'
import { useMe } from '../../../../hooks/use-me'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { isStreetAdmin } from '../../../../services/areas'
import { CreatedCode } from './created-code'
import { CreateForm } from './create-form'
import { InviteList } from './invite-list'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

async function loadChoices() {
  const [tree, departments, points] = await Promise.all([
    call('grids.tree', {}),
    call('departments.list', {}),
    call('market.exchangePoints', {}),
  ])
  return { tree, departments: departments.items, exchangePoints: points.items }
}

/** 邀请码: hand out one-time codes for staff roles, see who used them, revoke unused ones. */
export default function InvitesPage() {
  const initialGridId = useRouter().params.gridId ?? null
  const choices = useQuery(useCallback(loadChoices, []))
  const { me } = useMe()
  const [created, setCreated] = useState<ActionOutput<'invites.create'> | null>(null)
  if (!choices.data || !me)
    return <PageStatus loading={choices.loading} error={choices.error} onRetry={() => void choices.reload()} />
  return (
    <PageRoot className="page">
      {created ? <CreatedCode invite={created} /> : null}
      <CreateForm
        {...choices.data}
        streetAdmin={isStreetAdmin(me.roles)}
        initialGridId={initialGridId}
        onCreated={(invite) => {
          setCreated(invite)
          void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
        }}
      />
      <Card title="已发放的邀请码">
        <InviteList key={created?.code ?? ''} />
      </Card>
    </PageRoot>
  )
}
