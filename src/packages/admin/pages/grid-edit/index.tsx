import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect } from 'react'
import { PageStatus } from '../../../../components/page-status'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { CreateForm } from './create-form'
import { EditForm } from './edit-form'
import './index.css'
import { PageRoot } from '../../../../components/page-root'

function CreateGrid({ communityId }: { communityId: string | null }) {
  const tree = useQuery(useCallback(() => call('grids.tree', {}), []))
  if (!tree.data) return <PageStatus loading={tree.loading} error={tree.error} onRetry={() => void tree.reload()} />
  return <CreateForm tree={tree.data} initialCommunity={communityId} />
}

function EditGrid({ gridId, created }: { gridId: string; created: boolean }) {
  const grid = useQuery(useCallback(() => call('grids.get', { gridId }), [gridId]))
  if (!grid.data) return <PageStatus loading={grid.loading} error={grid.error} onRetry={() => void grid.reload()} />
  return (
    <View>
      {created ? (
        <Text id="grid-created" className="grid-form__created">
          网格已创建。下一步：为它发放网格员邀请码，网格员即可打印二维码海报。
        </Text>
      ) : null}
      <EditForm grid={grid.data} onSaved={grid.setData} />
    </View>
  )
}

/** 新建网格 (no gridId) or 编辑网格 (?gridId=). */
export default function GridEditPage() {
  const params = useRouter().params
  const gridId = params.gridId ?? null
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: gridId ? '编辑网格' : '新建网格' })
  }, [gridId])
  return (
    <PageRoot className="page">
      {gridId ? (
        <EditGrid gridId={gridId} created={params.created === '1'} />
      ) : (
        <CreateGrid communityId={params.communityId ?? null} />
      )}
    </PageRoot>
  )
}
