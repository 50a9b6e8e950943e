/**
 * The deployed CloudBase function `api` (also its timer trigger). Composition root for the cloud:
 * identity comes from the runtime (WX_OPENID via the SDK), never from the event.
 *
 * Cold start: the deployed bundle (scripts/build-functions.ts) defines `__CLOUD_BUNDLE__`, so the
 * SQLite branch below is dead code there and esbuild leaves compose.ts, the SQLite adapter and
 * better-sqlite3 out. Run from the sources (tsx, Jest) STORAGE=sqlite works as before.
 * @cloudbase/node-sdk (≈ 400 files, three times the bundle's own require time) is loaded by the first
 * call, not by `require` of the bundle: see `sdk()`.
 */
import type CloudbaseSdk from '@cloudbase/node-sdk'
import { createApi, isTimerEvent, type Api } from './app'
import { readConfig, type RuntimeConfig } from './config'
import { createCloudbaseStore } from './store/cloudbase'
import { createCloudFiles } from './platform/files-cloudbase'
import {
  createLocalContentCheck,
  createWechatContentCheck,
  parseMediaCheckPush,
  type WxOpenApi,
} from './platform/content-check'
import { createInboxNotify, withSubscribeMessages } from './platform/notify'
import { randomIds, systemClock } from './platform/clock-ids'
import { createWxMiniCode } from './platform/mini-code'
import { createWxGroupIdentity } from './platform/group-identity'
import { applyLateVerdict } from './modules/files/verdicts'

interface Runtime {
  api: Api
}

type Sdk = typeof CloudbaseSdk
let loadedSdk: Sdk | undefined

/** @cloudbase/node-sdk, required on first use: every call needs it (the caller, the app), a `require` of the bundle does not. */
function sdk(): Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadedSdk ??= require('@cloudbase/node-sdk') as Sdk
  return loadedSdk
}

/**
 * The caller as the runtime reports it: the per-invocation context (`environment`) when the runtime
 * passes one, else the process env, where the SDK reads the variables that the runtime's own
 * WX_CONTEXT_KEYS / TCB_CONTEXT_KEYS list. A browser signed in by custom login has a custom user id
 * (TCB_CUSTOM_USER_ID) instead of a WX_OPENID.
 */
export function callerFrom(context: unknown): string | null {
  const hasEnvironment =
    typeof context === 'object' && context !== null && ('environment' in context || 'environ' in context)
  // Adapter seam: the runtime's context object is only ever handed on to the SDK that defines it.
  const runtime: { WX_OPENID?: unknown; TCB_CUSTOM_USER_ID?: unknown } = hasEnvironment
    ? sdk().getCloudbaseContext(context as Parameters<Sdk['getCloudbaseContext']>[0])
    : sdk().getCloudbaseContext()
  const openId = runtime.WX_OPENID
  if (typeof openId === 'string' && openId) return openId
  const custom = runtime.TCB_CUSTOM_USER_ID
  return typeof custom === 'string' && custom ? `custom:${custom}` : null
}

/** Set (to `true`) only by the bundle build; undeclared when this file runs from the sources. */
declare const __CLOUD_BUNDLE__: boolean | undefined

let runtime: Promise<Runtime> | undefined

async function buildRuntime(): Promise<Runtime> {
  // Kept as `typeof … === 'undefined'` around the import so esbuild can drop the whole branch.
  if (typeof __CLOUD_BUNDLE__ === 'undefined') {
    const config = readConfig()
    if (config.STORAGE === 'sqlite') {
      const { createLocalDeps } = await import('./compose')
      return { api: createApi(createLocalDeps(config)) }
    }
    return cloudRuntime(config)
  }
  // The bundle runs nowhere but CloudBase: without STORAGE (e.g. uploaded from WeChat DevTools, which
  // does not apply cloudbaserc.json's variables) it is CloudBase storage, and SQLite is not in it.
  const config = readConfig({ STORAGE: 'cloudbase', ...process.env })
  if (config.STORAGE === 'sqlite')
    throw new Error('STORAGE=sqlite is not part of the cloud bundle: run the sources locally (npm run serve)')
  return cloudRuntime(config)
}

function cloudRuntime(config: RuntimeConfig): Runtime {
  const tcb = sdk()
  const app = tcb.init(
    config.TCB_ENV
      ? { env: config.TCB_ENV, secretId: config.TCB_SECRET_ID, secretKey: config.TCB_SECRET_KEY }
      : { env: tcb.SYMBOL_CURRENT_ENV },
  )

  const callApi: WxOpenApi = async (apiName, requestData) => {
    const res = await app.callWxOpenApi({ apiName, requestData })
    return typeof res.result === 'string' ? JSON.parse(res.result) : res.result
  }
  const store = createCloudbaseStore(app.database())
  const files = createCloudFiles(app)
  const notify = withSubscribeMessages(
    createInboxNotify(store, systemClock, randomIds),
    callApi,
    config.WX_SUBSCRIBE_TEMPLATE_ID,
  )
  const api = createApi({
    settings: { reportRadiusMetres: config.REPORT_RADIUS_M, unansweredHours: config.UNANSWERED_HOURS },
    store,
    clock: systemClock,
    ids: randomIds,
    files,
    contentCheck: createWechatContentCheck(callApi, createLocalContentCheck()),
    notify,
    miniCode: createWxMiniCode(callApi, files),
    groups: createWxGroupIdentity(callApi),
    log: (line) => console.error(JSON.stringify(line)),
  })
  return { api }
}

/** The runtime, built on the first call; a failed build is not kept, so the next call tries again. */
function loadRuntime(): Promise<Runtime> {
  runtime ??= buildRuntime().catch((err: unknown) => {
    runtime = undefined
    throw err
  })
  return runtime
}

export async function main(event: unknown, context?: unknown): Promise<unknown> {
  const { api } = await loadRuntime()
  const openId = callerFrom(context)
  if (isTimerEvent(event) && !openId) return { ok: true, data: await api.tick() }
  // WeChat's push of an image verdict (message push to this function) carries no caller.
  const verdict = parseMediaCheckPush(event)
  if (verdict && !openId) {
    await applyLateVerdict(api.deps, verdict)
    return 'success'
  }
  return api.dispatch(event, openId)
}
