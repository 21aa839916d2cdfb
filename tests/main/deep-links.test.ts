import { describe, expect, it } from 'vitest'
import { deepLinkFor, routeOfDeepLink } from '../../src/shared/deep-link'
import { PendingRoute, protocolClientArgs, routeFromArgv } from '../../src/main/deep-links'

describe('routeFromArgv', () => {
  it('finds a deep link among Electron and Chromium arguments (first launch, second instance)', () => {
    const link = deepLinkFor('#/search?q=%E4%B8%AD%E5%9B%BD&paper=xinyu')
    expect(routeFromArgv(['/usr/bin/archive-reader', '--no-sandbox', link])).toBe(
      '#/search?q=%E4%B8%AD%E5%9B%BD&paper=xinyu',
    )
    expect(
      routeFromArgv(['electron.exe', '.', `"${link}"`, '--allow-file-access-from-files']),
    ).toBe('#/search?q=%E4%B8%AD%E5%9B%BD&paper=xinyu')
  })

  it('accepts the scheme in any case (Windows may pass it upper-cased) and defaults to the library', () => {
    expect(routeFromArgv(['app', 'ARCHIVE-READER://open#/issue/a'])).toBe('#/issue/a')
    expect(routeFromArgv(['app', 'archive-reader://open'])).toBe('#/')
  })

  it('ignores arguments that are not our links', () => {
    expect(
      routeFromArgv(['app', '--user-data-dir=/tmp/x', 'https://example.com/#/x']),
    ).toBeUndefined()
    expect(routeFromArgv(['app', 'archive-reader://open#javascript:alert(1)'])).toBeUndefined()
    expect(routeFromArgv([])).toBeUndefined()
  })

  it('opens the same route as the in-app URL (round trip through deepLinkFor)', () => {
    for (const hash of ['#/', '#/issue/jiangbei-1949-12-01?page=2', '#/split?a=x&b=y']) {
      expect(routeOfDeepLink(deepLinkFor(hash))).toBe(hash)
      expect(routeFromArgv(['app', deepLinkFor(hash)])).toBe(hash)
    }
  })
})

describe('protocolClientArgs', () => {
  it('registers the executable alone when packaged, and the app folder in development', () => {
    expect(protocolClientArgs({ defaultApp: false, execPath: '/x/app', appEntry: '/r' })).toEqual({
      scheme: 'archive-reader',
    })
    expect(
      protocolClientArgs({ defaultApp: true, execPath: '/x/electron', appEntry: '/repo' }),
    ).toEqual({ scheme: 'archive-reader', path: '/x/electron', args: ['/repo'] })
  })
})

describe('protocolClientArgs for the Windows portable build', () => {
  it('registers the portable .exe the user started, not the temp folder it runs from', () => {
    expect(
      protocolClientArgs({
        defaultApp: false,
        execPath: 'C:\\Users\\u\\AppData\\Local\\Temp\\2Nq8x\\archive-reader.exe',
        appEntry: undefined,
        portableExecutable: 'D:\\Tools\\archive-reader-0.1.0-portable-x64.exe',
      }),
    ).toEqual({
      scheme: 'archive-reader',
      path: 'D:\\Tools\\archive-reader-0.1.0-portable-x64.exe',
      args: [],
    })
  })
})

describe('PendingRoute (deep links wait for the page to listen)', () => {
  it('holds a link until the page says it listens, then sends it once', () => {
    const sent: string[] = []
    const q = new PendingRoute((r) => sent.push(r))
    q.open('#/search?q=a')
    q.open('#/search?q=b')
    expect(sent).toEqual([])
    q.ready()
    expect(sent).toEqual(['#/search?q=b'])
    q.open('#/issue/x')
    expect(sent).toEqual(['#/search?q=b', '#/issue/x'])
  })

  it('holds again while a new document loads (reload), and hands a held link to a new window', () => {
    const sent: string[] = []
    const q = new PendingRoute((r) => sent.push(r))
    q.ready()
    q.reset()
    q.open('#/a')
    expect(sent).toEqual([])
    expect(q.take()).toBe('#/a')
    q.ready()
    expect(sent).toEqual([])
  })
})
