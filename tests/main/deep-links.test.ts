import { describe, expect, it } from 'vitest'
import { deepLinkFor, routeOfDeepLink } from '../../src/shared/contract'
import { protocolClientArgs, routeFromArgv } from '../../src/main/deep-links'

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
