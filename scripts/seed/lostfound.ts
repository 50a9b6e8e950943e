/**
 * Demo lost-and-found posts (stories 1 and 4): a found ID card and a 寻人 in 南张社区第一网格, a resident's
 * lost wallet with her phone number in it, a found bunch of keys in 古槐. Numbers are masked in the public
 * form exactly as a real post is (modules/lostfound/create.ts); the search words are derived the same way.
 */
import { maskSensitiveText, POST_DAYS, type LostCategory, type LostKind, type LostPostDoc } from '../../types'
import { userIdFor } from '../../cloudfunctions/api/users'
import { wordsOf } from '../../cloudfunctions/api/modules/lostfound/words'
import { demoOpenId } from './people'

const DAY = 24 * 60 * 60 * 1000

interface Seed {
  id: string
  kind: LostKind
  category: LostCategory
  title: string
  text: string
  question?: string
  place: string
  daysAgo: number
  owner: string
  byStaff: boolean
  posterLabel: string
  tree: { streetId: string; communityId: string; gridId: string }
  wide: boolean
}

const NZ01 = { streetId: 'st_nanzhang', communityId: 'cm_nanzhang', gridId: 'gd_nz_01' }
const GH01 = { streetId: 'st_guhuai', communityId: 'cm_guhuai', gridId: 'gd_gh_01' }

const SEEDS: Seed[] = [
  {
    id: 'lp_demo_idcard',
    kind: 'found',
    category: 'id_card',
    title: '捡到身份证一张',
    text: '巡查时在南张社区便民服务站门口捡到身份证一张，号码370811195803120022，请失主带本人照片到服务站认领。',
    question: '证件上登记的出生月份是几月？',
    place: '南张社区便民服务站门口',
    daysAgo: 1,
    owner: 'grid_worker',
    byStaff: true,
    posterLabel: '网格工作人员 刘晓燕',
    tree: NZ01,
    wide: true,
  },
  {
    id: 'lp_demo_wallet',
    kind: 'lost',
    category: 'wallet',
    title: '丢失黑色钱包',
    text: '前天下午在菜市场附近丢失黑色皮钱包一个，内有银行卡和少量现金，捡到请打13805371234，必有酬谢。',
    place: '南张菜市场',
    daysAgo: 2,
    owner: 'resident',
    byStaff: false,
    posterLabel: '居民 张**',
    tree: NZ01,
    wide: false,
  },
  {
    id: 'lp_demo_person',
    kind: 'person',
    category: 'other',
    title: '寻找王德福老人的家属',
    text: '王德福老人（原住南张社区3号楼）已去世，社保所需为其家属办理丧葬补助。请其子女或知情人点“我有线索”告知联系方式。',
    place: '南张社区',
    daysAgo: 3,
    owner: 'grid_worker',
    byStaff: true,
    posterLabel: '网格工作人员 刘晓燕',
    tree: NZ01,
    wide: true,
  },
  {
    id: 'lp_demo_gh_keys',
    kind: 'found',
    category: 'keys',
    title: '捡到一串钥匙',
    text: '在古槐社区健身广场长椅上捡到钥匙一串，挂有红色小熊挂件。',
    question: '钥匙一共有几把？',
    place: '古槐社区健身广场',
    daysAgo: 1,
    owner: 'gh_grid_worker',
    byStaff: true,
    posterLabel: '网格工作人员 韩丽',
    tree: GH01,
    wide: true,
  },
]

export function demoLostPosts(now: number): LostPostDoc[] {
  return SEEDS.map((s) => {
    const createdAt = now - s.daysAgo * DAY
    const publicTitle = maskSensitiveText(s.title)
    const publicText = maskSensitiveText(s.text)
    return {
      _id: s.id,
      kind: s.kind,
      category: s.category,
      title: s.title,
      text: s.text,
      publicTitle,
      publicText,
      question: s.question ?? '',
      place: s.place,
      location: null,
      happenedAt: createdAt - 2 * 60 * 60 * 1000,
      photos: [],
      ...s.tree,
      wide: s.wide,
      ownerId: userIdFor(demoOpenId(s.owner)),
      byStaff: s.byStaff,
      posterLabel: s.posterLabel,
      state: 'open',
      closeReason: '',
      returnedBy: null,
      returnedAt: null,
      expiresAt: createdAt + POST_DAYS[s.kind] * DAY,
      filterKey: `${s.kind}|${s.category}`,
      words: wordsOf(publicTitle, publicText, s.category),
      claimCount: 0,
      createdAt,
      updatedAt: createdAt,
      version: 0,
    }
  })
}
