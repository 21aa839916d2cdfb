// Reader preferences: theme, text size and UI language. They are preferences, not views, so
// they live in localStorage rather than in the URL.
import { z } from 'zod'
import { persisted } from '../ui/persisted'
import { useStore } from '../ui/store'

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28] as const
export const DEFAULT_FONT_SIZE = 18

const settingsSchema = z.object({
  version: z.literal(1),
  theme: z.enum(['system', 'light', 'dark']),
  fontSize: z.number().int().min(12).max(40),
  lang: z.enum(['auto', 'zh-CN', 'en']),
  /** The sidebar folded away (narrow windows); optional, so older stored settings still parse. */
  sidebarCollapsed: z.boolean().optional(),
})

export type Settings = z.infer<typeof settingsSchema>
export type ThemeSetting = Settings['theme']
export type LangSetting = Settings['lang']

export const settingsStore = persisted<Settings>('archive-reader.settings', settingsSchema, () => ({
  version: 1,
  theme: 'system',
  fontSize: DEFAULT_FONT_SIZE,
  lang: 'auto',
}))

export function useSettings(): Settings {
  return useStore(settingsStore)
}

export function updateSettings(change: Partial<Omit<Settings, 'version'>>): void {
  settingsStore.set({ ...settingsStore.get(), ...change })
}

export function stepFontSize(current: number, dir: 1 | -1): number {
  const i = FONT_SIZES.findIndex((s) => s >= current)
  const at = i < 0 ? FONT_SIZES.length - 1 : i
  const next = FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, at + dir))]
  return next ?? DEFAULT_FONT_SIZE
}
