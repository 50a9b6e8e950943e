/** The grid feed's pages and words. */
import type { FeedKind } from '../contract'

export const FEED_PAGES = {
  home: (gridId: string, tab: 'feed' | 'questions' = 'feed', which?: 'pending') =>
    `/packages/feed/pages/home/index?gridId=${gridId}&tab=${tab}${which ? `&which=${which}` : ''}`,
  post: (id: string, gridId?: string) => `/packages/feed/pages/post/index?id=${id}${gridId ? `&gridId=${gridId}` : ''}`,
  publish: (gridId: string) => `/packages/feed/pages/publish/index?gridId=${gridId}`,
  question: (id: string) => `/packages/feed/pages/question/index?id=${id}`,
  ask: (gridId: string) => `/packages/feed/pages/ask/index?gridId=${gridId}`,
}

export const FEED_KIND_LABELS: Record<FeedKind, string> = { notice: '通知公告', leaflet: '明白纸', activity: '活动' }
