/** How a user is shown: in full to themselves, masked to everyone else. */
import { maskPhone, type MeView, type UserDoc } from '../../../../types'
import type { Deps } from '../../context'
import { gridSummary } from '../grids/summary'

/** The owner's own view: the only place a full phone number leaves the function. */
export async function presentMe(deps: Deps, user: UserDoc): Promise<MeView> {
  return {
    id: user._id,
    nickname: user.nickname,
    avatarUrl: user.avatarFileId ? await deps.files.url(user.avatarFileId) : null,
    phone: user.phone,
    roles: user.roles,
    homeGrid: user.homeGridId ? await gridSummary(deps, user.homeGridId) : null,
  }
}

/** What anyone else may see of a user. */
export function presentUserPublic(user: UserDoc): { id: string; nickname: string; phoneMasked: string | null } {
  return { id: user._id, nickname: user.nickname, phoneMasked: maskPhone(user.phone) }
}
