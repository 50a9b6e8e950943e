import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Chips } from '../../components/chips'
import { WorkHome } from '../../components/desk/work-home'
import { GridFacts } from '../../components/grids/grid-facts'
import { HomeGridCard } from '../../components/grids/home-grid-card'
import { JoinPrompt } from '../../components/grids/join-prompt'
import { PhoneSheet } from '../../components/grids/phone-sheet'
import { PageStatus } from '../../components/page-status'
import { TileGrid } from '../../components/tile-grid'
import type { GridHome } from '../../contract'
import { useCallWorker } from '../../hooks/grids/use-call-worker'
import { useHomeGrid } from '../../hooks/grids/use-home-grid'
import { usePendingJoinRedirect } from '../../hooks/grids/pending-join'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import { hasDesk, useDesk } from '../../hooks/use-desk'
import { hasAdminArea, hasWorkerArea } from '../../services/areas'
import { homeTiles } from './home-tiles'
import './index.css'
import { PageRoot } from '../../components/page-root'

/** The grid card and who else serves it, with a real way to call the worker. */
function MyGrid({ grid }: { grid: GridHome }) {
  const caller = useCallWorker()
  return (
    <>
      <HomeGridCard
        grid={grid}
        busy={caller.busy}
        onContact={() => void caller.contact(grid)}
        onDial={(w) => void caller.dial(grid.id, w)}
      />
      <GridFacts grid={grid} />
      {caller.shown ? <PhoneSheet shown={caller.shown} onClose={caller.close} /> : null}
    </>
  )
}

/**
 * 首页 must never sit blank: when it still waits for the person or their grid but nothing is loading
 * and nothing failed (seen in E2E after joining by link), load both again, a few times at most.
 */
function useIdleRecovery(home: ReturnType<typeof useHomeGrid>) {
  const tries = useRef(0)
  const idle = (!home.me || home.waiting) && !home.loading && !home.error
  const { reload } = home
  useEffect(() => {
    if (!idle || tries.current >= 3) return
    tries.current++
    void reload()
  }, [idle, reload])
}

type HomeMode = 'work' | 'life'
const MODE_KEY = 'home-mode'

/** Staff open 首页 on their work; the choice to see the resident view instead is remembered on the device. */
function useHomeMode(): [HomeMode, (mode: HomeMode) => void] {
  const [mode, setMode] = useState<HomeMode>(() => (Taro.getStorageSync(MODE_KEY) === 'life' ? 'life' : 'work'))
  const choose = (next: HomeMode) => {
    setMode(next)
    Taro.setStorageSync(MODE_KEY, next)
  }
  return [mode, choose]
}

const MODES = [
  { id: 'work', label: '工作' },
  { id: 'life', label: '居民服务' },
]

export default function HomePage() {
  const home = useHomeGrid()
  usePullRefresh(home.reload)
  usePendingJoinRedirect()
  useIdleRecovery(home)
  const staff = !!home.me && (hasWorkerArea(home.me.roles) || hasAdminArea(home.me.roles))
  const desk = useDesk(staff)
  const [mode, setMode] = useHomeMode()

  // Staff open on their work: wait for the desk rather than show the resident view and swap it.
  const deskPending = staff && mode === 'work' && !desk.data && !desk.error
  if (!home.me || home.waiting || deskPending)
    return <PageStatus loading={home.loading || deskPending} error={home.error} onRetry={() => void home.reload()} />
  const { me, grid } = home
  const working = hasDesk(desk.data) && mode === 'work'
  return (
    <PageRoot className="page home">
      <View className="home__hello">
        <Text className="home__greet">{`您好，${me.nickname}`}</Text>
        <Text className="home__tagline">
          {working ? '今天的工作都在这里' : grid ? '有事找网格，网格来帮您' : '加入网格，身边事有人管'}
        </Text>
      </View>
      {hasDesk(desk.data) ? (
        <View className="home__modes">
          <Chips
            idPrefix="home-mode-"
            items={MODES}
            selected={[mode]}
            onToggle={(id) => setMode(id === 'life' ? 'life' : 'work')}
          />
        </View>
      ) : null}
      {working && desk.data ? (
        <WorkHome desk={desk.data} roles={me.roles} />
      ) : (
        <>
          {grid ? <MyGrid grid={grid} /> : <JoinPrompt />}
          <Text className="section-title">常用服务</Text>
          <TileGrid tiles={homeTiles(me.roles, grid?.id ?? null)} columns={4} />
        </>
      )}
    </PageRoot>
  )
}
