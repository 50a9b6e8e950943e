/** Lost-and-found copy only the client needs (tag tones, the places a page lives); labels live in types/labels.ts. */
import type { ClaimState, LostKind, PostState, RoleGrant } from '../contract'
export {
  CLAIM_STATE_LABELS,
  LOST_CATEGORY_LABELS,
  LOST_KIND_LABELS,
  POST_EVENT_LABELS,
  POST_STATE_LABELS,
} from '../contract'

type Tone = 'red' | 'orange' | 'blue' | 'green' | 'grey'

export const KIND_TONE: Record<LostKind, Tone> = { lost: 'orange', found: 'green', person: 'blue' }
/** The one character on a card without a photo. */
export const KIND_MARK: Record<LostKind, string> = { lost: '寻', found: '招', person: '人' }

export const POST_STATE_TONE: Record<PostState, Tone> = {
  open: 'blue',
  returned: 'green',
  closed: 'grey',
  expired: 'grey',
}

export const CLAIM_STATE_TONE: Record<ClaimState, Tone> = {
  pending: 'orange',
  accepted: 'blue',
  declined: 'grey',
  withdrawn: 'grey',
  returned: 'green',
  sent: 'blue',
}

export const CLAIM_KIND_LABELS = { claim: '认领', clue: '线索' } as const

export const LOSTFOUND_PAGES = {
  tab: '/pages/lostfound/index',
  create: '/packages/lostfound/pages/create/index',
  detail: (id: string) => `/packages/lostfound/pages/detail/index?id=${id}`,
  mine: '/packages/lostfound/pages/mine/index',
  claims: (which: 'mine' | 'received' | 'grid') => `/packages/lostfound/pages/claims/index?which=${which}`,
}

/** Who posts for a grid (寻人 too) and handles its claims: grid workers and admins, as the server's LOST_STAFF. */
const POSTING_STAFF = ['grid_worker', 'community_admin', 'street_admin'] as const
export const isLostFoundStaff = (roles: RoleGrant[]): boolean =>
  roles.some((g) => POSTING_STAFF.some((r) => r === g.role))
