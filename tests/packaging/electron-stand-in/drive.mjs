// The packaging smoke test's driver (see electron.mjs: a STAND-IN, not Electron). Run as
//   node --import ./register.mjs ./drive.mjs   with SMOKE_OPTIONS={"main": …, …} in the env,
// it imports the built main bundle, plays the part of Electron's start-up (ready, the window's
// ready-to-show, IPC events from frames), and prints one line `SMOKE-REPORT {json}` with what
// main did. The assertions are in main-smoke.test.ts.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import { Buffer } from 'node:buffer'
import { app, makeReady, standIn } from './electron.mjs'

const o = JSON.parse(process.env.SMOKE_OPTIONS ?? '{}')
standIn.packaged = !!o.packaged
if (o.resourcesPath) process.resourcesPath = o.resourcesPath
process.argv.push(`--user-data-dir=${o.userData}`)

const logs = []
const print = console.log
console.log = (...a) => void logs.push(a.join(' '))
const report = { logs }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
async function until(what, test, ms = 90_000) {
  const end = Date.now() + ms
  for (;;) {
    const v = await test()
    if (v) return v
    if (Date.now() > end) throw new Error(`stand-in driver: timed out waiting for ${what}`)
    await sleep(25)
  }
}
const finish = (code) => {
  print(`SMOKE-REPORT ${JSON.stringify(report)}`)
  process.exit(code)
}

try {
  await import(pathToFileURL(o.main).href)
  // Before ready, as Electron requires.
  report.privilegedSchemes = standIn.privilegedSchemes
  makeReady()
  await until('the window to load', () => standIn.calls.some((c) => c[0] === 'win.loadURL'))
  const calls = standIn.calls
  const loadAt = calls.findIndex((c) => c[0] === 'win.loadURL')
  const before = calls.slice(0, loadAt)
  report.loadedUrl = calls[loadAt][1]
  report.handledBeforeLoad = before.filter((c) => c[0] === 'ipcMain.handle').map((c) => c[1])
  report.listenedBeforeLoad = before.filter((c) => c[0] === 'ipcMain.on').map((c) => c[1])
  report.protocolsBeforeLoad = before.filter((c) => c[0] === 'protocol.handle').map((c) => c[1])
  report.hardenedBeforeLoad = before.some((c) => c[0] === 'session.webRequest.onBeforeRequest')

  const win = standIn.windows[0]
  const prefs = win.options.webPreferences
  report.webPreferences = {
    contextIsolation: prefs.contextIsolation,
    sandbox: prefs.sandbox,
    nodeIntegration: prefs.nodeIntegration,
  }

  // The preload, as a sandboxed preload is run: a CommonJS function body whose only module is
  // `electron` (contextBridge, ipcRenderer). An ES module would not even compile here.
  const preloadPath = prefs.preload
  report.preload = { path: preloadPath, exists: existsSync(preloadPath) }
  if (report.preload.exists) {
    const src = readFileSync(preloadPath, 'utf8')
    report.preload.bytes = Buffer.byteLength(src)
    const required = []
    const exposed = {}
    try {
      const fn = vm.runInNewContext(
        `(function (exports, require, module, __filename, __dirname) {${src}\n})`,
        { Promise, Object, Error },
        { filename: preloadPath },
      )
      const module = { exports: {} }
      fn(
        module.exports,
        (id) => {
          required.push(id)
          if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`)
          return {
            contextBridge: {
              exposeInMainWorld: (key, api) => (exposed[key] = Object.keys(api).sort()),
            },
            ipcRenderer: { invoke: async () => null, on() {}, removeListener() {}, send() {} },
          }
        },
        module,
        preloadPath,
        dirname(preloadPath),
      )
    } catch (e) {
      report.preload.error = `${e.name}: ${e.message}`
    }
    report.preload.required = required
    report.preload.exposed = exposed
  }

  // app://reader: the shipped renderer's files, and nothing outside them.
  const rendererDir = join(dirname(o.main), '..', 'renderer')
  const serve = standIn.protocolHandlers.get('app')
  if (serve) {
    const get = async (url) => {
      const r = await serve({ url, method: 'GET' })
      return {
        status: r.status,
        csp: r.headers.get('content-security-policy'),
        body: await r.text(),
      }
    }
    const page = await get('app://reader/index.html')
    report.page = {
      status: page.status,
      csp: page.csp,
      isShippedIndex: page.body === readFileSync(join(rendererDir, 'index.html'), 'utf8'),
    }
    report.outside = {}
    for (const url of [
      'app://reader/%2e%2e/main/index.js',
      'app://reader/..%2fmain%2findex.js',
      'app://reader/assets/..%5c..%5cmain%5cindex.js',
      'app://evil/index.html',
    ])
      report.outside[url] = (await get(url)).status
  }

  const handler = (channel) => standIn.ipcHandlers.get(channel)
  const event = (url) => ({
    senderFrame: url === undefined ? null : { url, parent: null },
    sender: win.webContents,
  })
  const pageUrl = report.loadedUrl
  report.foreign = {}
  for (const url of [
    `${pathToFileURL(join(rendererDir, 'index.html')).href}#/`,
    'https://evil.example/',
    undefined,
  ])
    report.foreign[String(url)] = await handler('archive:list-issues')(event(url))

  // Deep links wait for the page to listen: one arrives (second instance) before it does.
  app.emit('second-instance', {}, ['archive-reader', 'archive-reader://open#/search?q=early'])
  const navigations = () => win.webContents.sent.filter((s) => s[0] === 'app:navigate')
  report.navigateBeforeReady = navigations().length
  standIn.ipcListeners.get('app:navigate-ready')?.({
    sender: win.webContents,
    senderFrame: { url: pageUrl, parent: null },
  })
  report.navigateAfterReady = navigations().map((s) => s[1])

  // The archive opens after the first paint: the shipped index, or a build in the index worker.
  win.emit('ready-to-show')
  const status = await until('the archive to open', async () => {
    const r = await handler('archive:index-status')(event(pageUrl))
    return r.ok && r.value.state !== 'building' ? r.value : undefined
  })
  report.status = status
  const list = await handler('archive:list-issues')(event(pageUrl))
  report.issues = list.ok ? list.value.length : list
  const found = await handler('archive:search')(event(pageUrl), { q: o.query ?? '中国' })
  report.searchTotal = found.ok ? found.value.total : found
  report.userIndexWritten = existsSync(join(o.userData, 'index', 'bundled.bin'))

  // The import worker: main's file dialog (stand-in) answers with the picked files.
  if (o.picks) {
    standIn.dialogAnswers.push({ canceled: false, filePaths: o.picks })
    const picked = await handler('import:pick-files')(event(pageUrl))
    report.picked = picked
    if (picked.ok && picked.value) {
      const planned = await handler('import:plan')(event(pageUrl), picked.value.id, [])
      report.plan = planned.ok
        ? { ok: true, files: planned.value.report.files.map((f) => f.file) }
        : planned
    }
  }
  app.emit('before-quit')
  finish(0)
} catch (e) {
  report.error = e?.stack ?? String(e)
  finish(1)
}
