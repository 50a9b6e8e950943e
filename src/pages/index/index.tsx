import { Text, View } from '@tarojs/components'
import { EntryTiles } from '../../components/entry-tiles'
import { GridCard } from '../../components/grid-card'
import { NoGridCard } from '../../components/no-grid-card'
import { PageStatus } from '../../components/page-status'
import { useMe } from '../../hooks/use-me'
import { usePullRefresh } from '../../hooks/use-pull-refresh'
import './index.css'

export default function HomePage() {
  const me = useMe()
  usePullRefresh(me.reload)

  if (!me.data) return <PageStatus loading={me.loading} error={me.error} onRetry={() => void me.reload()} />
  const { nickname, homeGrid } = me.data
  return (
    <View className='page home'>
      <View className='home__hello'>
        <Text className='home__greet'>{`您好，${nickname}`}</Text>
        <Text className='muted'>{homeGrid ? '有事找网格，网格来帮您' : '加入网格，身边事有人管'}</Text>
      </View>
      {homeGrid ? <GridCard grid={homeGrid} /> : <NoGridCard />}
      <Text className='section-title'>常用服务</Text>
      <EntryTiles />
    </View>
  )
}
