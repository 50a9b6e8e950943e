/** E2E plumbing: a real gateway process on a temp data dir, and Debian's Chromium via playwright-core. */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { tempDir } from '../helpers/api'

const root = path.resolve(__dirname, '../..')
export const SHOTS = path.join(root, '.tmp/e2e-shots')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface Gateway {
  url: string
  dataDir: string
  stop(): Promise<void>
}

/** Polls the health endpoint until the gateway answers (a process start, not a page: there is nothing to see). */
async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`gateway did not start:\n${output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export async function startGatewayProcess(env: Record<string, string> = {}): Promise<Gateway> {
  if (!fs.existsSync(path.join(root, 'dist/h5/index.html')))
    throw new Error('dist/h5 is missing: run npm run build:h5:local first')
  const port = await freePort()
  const dataDir = tempDir('wgt-e2e-')
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/serve.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        H5_DIST: path.join(root, 'dist/h5'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  await waitUntilHealthy(url, child, () => output)
  return {
    url,
    dataDir,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface PhoneOptions {
  /** A dev token to start signed in with (stored where the H5 app keeps it); none = signed out. */
  token?: string
  geolocation?: BrowserContextOptions['geolocation']
}

/** A fresh phone-sized browser context (own storage), optionally signed in and located. */
export async function phonePage(browser: Browser, opts: PhoneOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  })
  if (opts.token) {
    // Taro's H5 storage keeps each value as {"data": value}; a later sign-in in the page is kept on reload.
    await context.addInitScript((token) => {
      if (!localStorage.getItem('devToken')) localStorage.setItem('devToken', JSON.stringify({ data: token }))
    }, opts.token)
  }
  return context.newPage()
}

/**
 * Screenshot once the images the person sees have been drawn; transitions are skipped, not waited for.
 * `fullPage` takes the whole scrolled page, to look for overflow below the fold.
 */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete))
  const file = path.join(SHOTS, `${name}.png`)
  const viewport = page.viewportSize()
  if (!opts.fullPage || !viewport) return void (await page.screenshot({ path: file, animations: 'disabled' }))
  // Taro H5 scrolls inside the page element, not the document: grow the viewport to the tallest scroller.
  const height = await page.evaluate(() => {
    for (const e of Array.from(document.querySelectorAll('*'))) if (e.scrollTop) e.scrollTop = 0
    return Math.max(...Array.from(document.querySelectorAll('*')).map((e) => e.scrollHeight))
  })
  // The title bar sits above the scroller: leave room for it.
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 100) })
  await page.screenshot({ path: file, animations: 'disabled' })
  await page.setViewportSize(viewport)
}

/**
 * A gateway process and a browser for one test file: started before its tests, stopped after. Read them as
 * `e2e.gateway` and `e2e.browser` inside tests.
 */
export function useGatewayAndBrowser(env: Record<string, string> = {}): { gateway: Gateway; browser: Browser } {
  const held = {} as { gateway: Gateway; browser: Browser }
  beforeAll(async () => {
    held.gateway = await startGatewayProcess(env)
    held.browser = await launchBrowser()
  })
  afterAll(async () => {
    await held.browser?.close()
    await held.gateway?.stop()
  })
  return held
}
