import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../src/shared/contract'
import {
  buildMenuTemplate,
  COMMAND_ACCELERATORS,
  menuLocale,
  type MenuOptions,
} from '../../src/main/menu'

function build(over: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = []
  const template = buildMenuTemplate({
    locale: 'en',
    platform: 'linux',
    appName: 'Archive Reader',
    dev: false,
    send: (c) => sent.push(c),
    goBack: () => sent.push('back' as MenuCommand),
    goForward: () => sent.push('forward' as MenuCommand),
    ...over,
  })
  return { template, sent }
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[]) ?? [])])
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)()

describe('menuLocale', () => {
  it('is Chinese for every zh locale, English otherwise', () => {
    for (const l of ['zh-CN', 'zh-TW', 'zh', 'ZH-hk']) expect(menuLocale(l)).toBe('zh')
    for (const l of ['en-US', 'de', '', 'ja']) expect(menuLocale(l)).toBe('en')
  })
})

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Go, Window, Help (plus the app menu on macOS)', () => {
    expect(build().template.map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Go',
      '&Window',
      '&Help',
    ])
    const mac = build({ platform: 'darwin', locale: 'zh' }).template.map((m) => m.label)
    expect(mac).toEqual(['Archive Reader', '文件', '编辑', '视图', '前往', '窗口', '帮助'])
    expect(build({ locale: 'zh' }).template[0]?.label).toBe('文件(&F)')
  })

  it('offers every menu command once, with its accelerator, sending it to the renderer', () => {
    const { template, sent } = build()
    const commands = items(template).filter((i) => i.click && i.accelerator)
    const byAccel = new Map(commands.map((i) => [i.accelerator, i]))
    for (const [command, accel] of Object.entries(COMMAND_ACCELERATORS)) {
      const item = byAccel.get(accel)
      expect(item, command).toBeDefined()
      click(item as MenuItemConstructorOptions)
      expect(sent.at(-1)).toBe(command)
    }
    expect(COMMAND_ACCELERATORS['focus-search']).toBe('CmdOrCtrl+F')
    expect(COMMAND_ACCELERATORS['toggle-split']).toBe('CmdOrCtrl+\\')
    expect(COMMAND_ACCELERATORS['quick-open']).toBe('CmdOrCtrl+K')
  })

  it('has Quick Open in Go, with Ctrl/⌘+K', () => {
    const go = build({ locale: 'zh' }).template.find((m) => m.label === '前往(&G)')
    const item = (go?.submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'quick-open')
    expect(item).toMatchObject({ label: '快速打开…', accelerator: 'CmdOrCtrl+K' })
  })

  it('gives every accelerator a modifier (typing in the search box is never taken) and no duplicates', () => {
    const accels = items(build().template)
      .map((i) => i.accelerator)
      .filter((a): a is string => !!a)
    expect(new Set(accels).size).toBe(accels.length)
    for (const a of accels) expect(a, a).toMatch(/^(CmdOrCtrl|Cmd|Alt)\+/)
  })

  it('puts back/forward in Go with platform keys', () => {
    const { template, sent } = build()
    const back = items(template).find((i) => i.accelerator === 'Alt+Left')
    click(back as MenuItemConstructorOptions)
    expect(sent).toEqual(['back'])
    const mac = items(build({ platform: 'darwin' }).template).map((i) => i.accelerator)
    expect(mac).toContain('Cmd+[')
  })

  it('shows reload and DevTools only in development', () => {
    const roles = (dev: boolean) => items(build({ dev }).template).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
    expect(roles(false)).toContain('copy')
  })
})
