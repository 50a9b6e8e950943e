/** Builds the embedded default: SQLite store, local files, local word list, in-app inbox. */
import { DEFAULT_SETTINGS, type Deps } from './context'
import type { RuntimeConfig } from './config'
import { createSqliteStore } from './store/sqlite'
import { createLocalFiles } from './platform/files-local'
import { createLocalContentCheck } from './platform/content-check'
import { createInboxNotify } from './platform/notify'
import { randomIds, systemClock } from './platform/clock-ids'
import { noMiniCode } from './platform/mini-code'
import { localGroupIdentity } from './platform/group-identity'

export function createLocalDeps(
  config: Pick<RuntimeConfig, 'dbFile' | 'uploadDir'> &
    Partial<Pick<RuntimeConfig, 'REPORT_RADIUS_M' | 'UNANSWERED_HOURS'>>,
  overrides: Partial<Deps> = {},
): Deps {
  const store = overrides.store ?? createSqliteStore(config.dbFile)
  const clock = overrides.clock ?? systemClock
  const ids = overrides.ids ?? randomIds
  return {
    settings: overrides.settings ?? {
      ...DEFAULT_SETTINGS,
      reportRadiusMetres: config.REPORT_RADIUS_M ?? DEFAULT_SETTINGS.reportRadiusMetres,
      unansweredHours: config.UNANSWERED_HOURS ?? DEFAULT_SETTINGS.unansweredHours,
    },
    store,
    clock,
    ids,
    files: overrides.files ?? createLocalFiles(config.uploadDir, ids),
    contentCheck: overrides.contentCheck ?? createLocalContentCheck(),
    notify: overrides.notify ?? createInboxNotify(store, clock, ids),
    miniCode: overrides.miniCode ?? noMiniCode,
    groups: overrides.groups ?? localGroupIdentity,
    log: overrides.log ?? ((line) => console.error(JSON.stringify(line))),
  }
}
