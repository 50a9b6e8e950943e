/**
 * Demo people as the tests use them: a dev token from the local gateway, the gateway's `POST /api` for
 * setting up what a test needs, and a phone page that opens already signed in as that person.
 */
import type { Browser, Page } from 'playwright-core'
import { z } from 'zod'
import { actions, envelopeOf, type ActionInput, type ActionMap, type ActionName, type ActionOutput } from '../../types'
import { phonePage, type Gateway, type PhoneOptions } from './browser'

/** A real 8×8 PNG (red), enough for the browser to decode, compress and upload, and for the gateway to sniff. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
)

const LoginReply = z.object({ ok: z.literal(true), data: z.object({ token: z.string() }) })
const UploadReply = z.object({ ok: z.literal(true), data: z.object({ fileId: z.string() }) })

/** The action map seen per action, so a generic `A` keeps its own output type. */
const outputs: { [A in ActionName]: { output: z.ZodType<ActionOutput<A>, z.input<ActionMap[A]['output']>> } } = actions

let requests = 0
const requestId = () => `e2e_${Date.now().toString(36)}_${(requests++).toString(36)}`

export interface Person {
  key: string
  token: string
  call<A extends ActionName>(action: A, payload: ActionInput<A>): Promise<ActionOutput<A>>
  /** Uploads a photo as this person and returns its file id. */
  upload(png?: Buffer): Promise<string>
  /** A phone page signed in as this person, showing `path` (a page of the app, e.g. /pages/me/index). */
  open(browser: Browser, path: string, opts?: Omit<PhoneOptions, 'token'>): Promise<Page>
}

export async function signIn(gateway: Gateway, key: string): Promise<Person> {
  const res = await fetch(`${gateway.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  })
  const { token } = LoginReply.parse(await res.json()).data
  const auth = { authorization: `Bearer ${token}` }

  async function call<A extends ActionName>(action: A, payload: ActionInput<A>): Promise<ActionOutput<A>> {
    const body = { action, payload, ...(actions[action].mutating ? { requestId: requestId() } : {}) }
    const res = await fetch(`${gateway.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    })
    const envelope = envelopeOf(outputs[action].output).parse(await res.json())
    if (!envelope.ok) throw new Error(`${key} ${action}: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.data
  }

  async function upload(png = PNG): Promise<string> {
    const form = new FormData()
    form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png')
    const res = await fetch(`${gateway.url}/upload`, { method: 'POST', body: form, headers: auth })
    return UploadReply.parse(await res.json()).data.fileId
  }

  async function open(browser: Browser, path: string, opts: Omit<PhoneOptions, 'token'> = {}): Promise<Page> {
    const page = await phonePage(browser, { ...opts, token })
    await page.goto(`${gateway.url}/#${path}`)
    return page
  }

  return { key, token, call, upload, open }
}

/** The input inside a Taro Input / Textarea with this id (H5 wraps the native element). */
export const field = (page: Page, id: string) =>
  page.locator(`#${id} input, input#${id}, #${id} textarea, textarea#${id}`).first()
