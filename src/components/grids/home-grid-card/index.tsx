import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { GridHome } from '../../../contract'
import { ROLE_LABELS } from '../../../copy/roles'
import './index.css'

type Worker = GridHome['workers'][number]

interface HomeGridCardProps {
  grid: GridHome
  busy: boolean
  onContact: () => void
  onDial: (worker: Worker) => void
}

/** One worker of the grid: tap to call (the number is masked until then). */
function WorkerRow({ worker: w, onDial }: { worker: Worker; onDial: (worker: Worker) => void }) {
  return (
    <View
      id={`worker-${w.id}`}
      className="home-grid__worker"
      hoverClass="home-grid__worker--pressed"
      onClick={() => onDial(w)}
    >
      <View className="home-grid__avatar">
        <Text>{w.nickname.slice(0, 1)}</Text>
      </View>
      <View className="home-grid__who">
        <Text className="home-grid__worker-name">{w.nickname}</Text>
        <Text className="home-grid__phone">{w.phoneMasked ?? '未留电话'}</Text>
      </View>
      <Text className="home-grid__dial">拨打</Text>
    </View>
  )
}

function Banner({ grid }: { grid: GridHome }) {
  return (
    <View className="home-grid__banner">
      <View className="home-grid__top">
        <Text className="home-grid__label">我的网格</Text>
        <Text id="grid-member-count" className="home-grid__count">{`${grid.memberCount} 位居民`}</Text>
      </View>
      <Text id="grid-name" className="home-grid__name">
        {grid.name}
      </Text>
      <Text className="home-grid__place">{`${grid.communityName} · ${grid.streetName} · ${grid.code}`}</Text>
    </View>
  )
}

/** The resident's own grid: name, where it is, who looks after it, and a real way to call them. */
export function HomeGridCard({ grid, busy, onContact, onDial }: HomeGridCardProps) {
  return (
    <View className="home-grid">
      <Banner grid={grid} />
      <View className="home-grid__body">
        {grid.archived ? <Text className="notice">本网格已停用，网格事务由社区统一办理</Text> : null}
        <Text className="home-grid__subtitle">{ROLE_LABELS.grid_worker}</Text>
        {grid.workers.length === 0 ? <Text className="muted">本网格暂未配备网格员，有事可联系社区</Text> : null}
        {grid.workers.map((w) => (
          <WorkerRow key={w.id} worker={w} onDial={onDial} />
        ))}
        {grid.workers.length > 0 ? (
          <Button
            id="contact-worker"
            type="primary"
            fill="outline"
            block
            loading={busy}
            disabled={busy}
            className="home-grid__contact"
            onClick={onContact}
          >
            联系网格员
          </Button>
        ) : null}
      </View>
    </View>
  )
}
