import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '../../card'
import { OrderRow } from '../../orders/order-list'
import { TileGrid, type TileItem } from '../../tile-grid'
import { INBOX_QUEUE_LABELS, type Desk, type QueueCount, type RoleGrant } from '../../../contract'
import { buildingUrl, fileUrl, inboxUrl, type InboxPreset } from '../../../copy/desk'
import { FEED_PAGES } from '../../../copy/feed'
import { LOSTFOUND_PAGES } from '../../../copy/lostfound'
import { ADMIN_HOME, hasAdminArea, hasWorkerArea, WORKER_HOME } from '../../../services/areas'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

interface Cell {
  key: 'pending' | 'working' | 'overdue'
  label: string
  value: number
  preset: InboxPreset
}

/** One queue's three numbers, each one tap from the list it counts. */
function QueueCounts({ count, single }: { count: QueueCount; single: boolean }) {
  const { queue } = count
  const street = queue === 'street'
  const cells: Cell[] = [
    {
      key: 'pending',
      label: street ? '待派单' : '待接单',
      value: count.pending,
      preset: { queue, state: street ? 'submitted' : 'dispatched' },
    },
    ...(street
      ? []
      : [{ key: 'working', label: '办理中', value: count.working, preset: { queue, state: 'working' } } as const]),
    { key: 'overdue', label: '已超期', value: count.overdue, preset: { queue, overdue: true } },
  ]
  return (
    <Card title={single ? '我的待办' : INBOX_QUEUE_LABELS[queue]}>
      <View className="work-home__counts">
        {cells.map((c) => (
          <View
            key={c.key}
            id={`desk-${queue}-${c.key}`}
            className={`work-home__count ${c.key === 'overdue' && c.value > 0 ? 'work-home__count--alert' : ''}`}
            hoverClass="work-home__count--pressed"
            onClick={go(inboxUrl(c.preset))}
          >
            <Text className="work-home__number">{c.value}</Text>
            <Text className="work-home__label">{c.label}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}

/** The shortcuts this person's roles allow, and none they cannot use (the 工作台 leaves out its own tile). */
export function workTiles(desk: Desk, roles: RoleGrant[], onStation = false): TileItem[] {
  const kinds = new Set(desk.filings.flatMap((f) => f.kinds))
  const worker = desk.grids.length > 0
  // The grid group to post in, answer in or pass notices on from: the first grid served.
  const feedGrid = desk.grids[0]?.id ?? desk.buildings[0]?.gridId ?? desk.departments[0]?.grids[0]?.id ?? null
  const tiles: (TileItem | null)[] = [
    desk.queues.length
      ? { id: 'desk-inbox', mark: '办', title: '待办工单', hint: '接单与办理', tone: 'red', onTap: go(inboxUrl()) }
      : null,
    kinds.has('patrol')
      ? {
          id: 'desk-patrol',
          mark: '巡',
          title: '巡查登记',
          hint: '巡查发现问题',
          tone: 'blue',
          onTap: go(fileUrl('patrol')),
        }
      : null,
    kinds.has('proxy')
      ? {
          id: 'desk-proxy',
          mark: '代',
          title: worker ? '代办登记' : '代邻居上报',
          hint: worker ? '为老人登记' : '替本楼邻居反映',
          tone: 'green',
          onTap: go(fileUrl('proxy')),
        }
      : null,
    feedGrid
      ? {
          id: 'desk-feed',
          mark: '群',
          title: '网格群',
          hint: '通知与问答',
          tone: 'purple',
          onTap: go(FEED_PAGES.home(feedGrid)),
        }
      : null,
    worker
      ? {
          id: 'tile-lostfound-todo',
          mark: '领',
          title: '失物待处理',
          hint: '认领与交接',
          tone: 'teal',
          onTap: go(LOSTFOUND_PAGES.claims('grid')),
        }
      : null,
    ...desk.buildings.map((b): TileItem => ({
      id: `desk-building-${b.gridId}`,
      mark: '楼',
      title: '本楼住户',
      hint: b.building ? `${b.building}号楼` : b.gridName,
      tone: 'orange',
      onTap: go(buildingUrl(b.gridId)),
    })),
    hasWorkerArea(roles) && !onStation
      ? { id: 'desk-station', mark: '台', title: '工作台', hint: '网格与住户', tone: 'teal', onTap: go(WORKER_HOME) }
      : null,
    hasAdminArea(roles)
      ? { id: 'desk-admin', mark: '管', title: '管理后台', hint: '网格与督办', tone: 'purple', onTap: go(ADMIN_HOME) }
      : null,
  ]
  return tiles.filter((t): t is TileItem => t !== null)
}

/** Residents' questions waiting for a reply in my grids (and, for a community admin, those flagged to them). */
function QuestionsCard({ desk }: { desk: Desk }) {
  const first = desk.questions.gridIds[0]
  if (!first && !desk.questions.flagged) return null
  return (
    <Card title="居民提问">
      <View className="work-home__counts">
        {first ? (
          <View
            id="desk-questions-pending"
            className={`work-home__count ${desk.questions.pending > 0 ? 'work-home__count--alert' : ''}`}
            hoverClass="work-home__count--pressed"
            onClick={go(FEED_PAGES.home(first, 'questions', 'pending'))}
          >
            <Text className="work-home__number">{desk.questions.pending}</Text>
            <Text className="work-home__label">待回复</Text>
          </View>
        ) : null}
        {desk.questions.flagged ? (
          <View id="desk-questions-flagged" className="work-home__count work-home__count--alert">
            <Text className="work-home__number">{desk.questions.flagged}</Text>
            <Text className="work-home__label">超两天未回复</Text>
          </View>
        ) : null}
      </View>
    </Card>
  )
}

/** 首页 for staff: my queues' counts, the most urgent items, and the entries my roles use. */
export function WorkHome({ desk, roles }: { desk: Desk; roles: RoleGrant[] }) {
  const first = desk.queues[0]
  return (
    <View className="work-home">
      {desk.queues.map((q) => (
        <QueueCounts key={q.queue} count={q} single={desk.queues.length === 1} />
      ))}
      <QuestionsCard desk={desk} />
      {first ? (
        <Card
          title="最紧急"
          extra={
            <Text id="desk-all" className="work-home__more" onClick={go(inboxUrl({ queue: first.queue }))}>
              全部待办 ›
            </Text>
          }
        >
          {desk.urgent.length ? (
            desk.urgent.map((o) => <OrderRow key={o.id} order={o} showDue />)
          ) : (
            <Text className="muted">暂无待办，辛苦了</Text>
          )}
        </Card>
      ) : null}
      <Text className="section-title">工作入口</Text>
      <TileGrid tiles={workTiles(desk, roles)} columns={4} />
    </View>
  )
}
