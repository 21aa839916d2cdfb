// Versioned localStorage stores (bookmarks, settings) that cannot be read are detected (JSON and
// the zod schema, version included), reset with a reported problem for the UI's notice, and the
// unreadable text is kept aside — a second bad copy beside the first, never over it. The e2e
// bookmarks spec shows the notice in the app. Another window's writes are taken as they happen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type * as PersistedModule from '../../../src/renderer/ui/persisted'

/** A Map-backed Storage, optionally with a quota, installed as globalThis.localStorage. */
class MemoryStorage {
  readonly data = new Map<string, string>()
  constructor(readonly quota = Infinity) {}
  get length() {
    return this.data.size
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null
  }
  getItem(k: string) {
    return this.data.get(k) ?? null
  }
  setItem(k: string, v: string) {
    const used = [...this.data].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0)
    if (used + v.length > this.quota) throw new DOMException('quota', 'QuotaExceededError')
    this.data.set(k, v)
  }
  removeItem(k: string) {
    this.data.delete(k)
  }
  clear() {
    this.data.clear()
  }
}

const schema = z.object({
  version: z.literal(1),
  items: z.array(z.object({ name: z.string().max(200) })).max(100),
})
type Store = z.infer<typeof schema>
const empty = (): Store => ({ version: 1, items: [] })

let storage: MemoryStorage
let persisted: typeof PersistedModule

beforeEach(async () => {
  storage = new MemoryStorage()
  ;(globalThis as { localStorage?: unknown }).localStorage = storage
  persisted = await import('../../../src/renderer/ui/persisted')
  persisted.dismissProblems()
})

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage
})

let n = 0
const freshKey = () => `test.store.${++n}`

const CORRUPT: [string, string, RegExp][] = [
  ['truncated JSON', '{"version":1,"items":[{"name":"低碳"}', /JSON|Unexpected|end/i],
  ['not JSON', 'hello', /JSON|Unexpected|token/i],
  ['empty', '', /JSON|Unexpected|end/i],
  ['a newer version', '{"version":2,"items":[]}', /version/],
  ['the wrong shape', '{"version":1,"items":{"name":"x"}}', /items/],
  ['an item too long', `{"version":1,"items":[{"name":"${'x'.repeat(300)}"}]}`, /items\.0\.name/],
  ['null', 'null', /value|expected object/],
  ['an array', '[]', /value|expected object/],
  ['a megabyte of junk', 'x'.repeat(1024 * 1024), /JSON|Unexpected|token/i],
]

describe('a corrupt store', () => {
  for (const [what, raw, detail] of CORRUPT) {
    it(`${what}: reset, reported, the bad text kept aside`, () => {
      const key = freshKey()
      storage.setItem(key, raw)
      const store = persisted.persisted(key, schema, empty)
      expect(store.get()).toEqual(empty())
      expect(storage.getItem(key)).toBeNull()
      expect(storage.getItem(`${key}.corrupt`)).toBe(raw)
      // The notice the UI shows (StoreNotice) lists this problem.
      expect(lastProblem(key)).toMatchObject({ store: key, backupKey: `${key}.corrupt` })
      expect(lastProblem(key)!.detail).toMatch(detail)
      // Writing works again, and a good value survives a reload.
      store.set({ version: 1, items: [{ name: '低碳' }] })
      const reloaded = persisted.persisted(key, schema, empty)
      expect(reloaded.get().items).toEqual([{ name: '低碳' }])
    })
  }

  it('a second corruption is kept beside the first, not over it', () => {
    const key = freshKey()
    storage.setItem(key, '{"version":1,"items":[{"name":"第一次"}]')
    persisted.persisted(key, schema, empty)
    storage.setItem(key, '{"version":1,"items":[{"name":"第二次"}]')
    persisted.persisted(key, schema, empty)
    expect(storage.getItem(`${key}.corrupt`)).toContain('第一次')
    expect(storage.getItem(`${key}.corrupt-2`)).toContain('第二次')
    expect(lastProblem(key)?.backupKey).toBe(`${key}.corrupt-2`)
  })

  it('with the storage full, the reset happens in memory and nothing is deleted', () => {
    storage = new MemoryStorage(64)
    ;(globalThis as { localStorage?: unknown }).localStorage = storage
    const key = freshKey()
    storage.data.set(key, '{"version":1,"items":[{"name":"尚未损坏的部分"}')
    const store = persisted.persisted(key, schema, empty)
    expect(store.get()).toEqual(empty())
    // The bad text could not be copied aside, so it stays where it was.
    expect(storage.getItem(key)).toContain('尚未损坏的部分')
    expect(lastProblem(key)).toBeDefined()
  })

  it('a missing store is simply the default, with no problem reported', () => {
    const key = freshKey()
    expect(persisted.persisted(key, schema, empty).get()).toEqual(empty())
    expect(lastProblem(key)).toBeUndefined()
  })
})

describe('another window of the same origin', () => {
  let win: EventTarget
  beforeEach(() => {
    win = new EventTarget()
    ;(globalThis as { window?: unknown }).window = win
  })
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window
  })
  /** What the browser does in this window when another one writes `key`. */
  const otherWindowWrites = (key: string | null, raw?: string): void => {
    if (key !== null && raw !== undefined) storage.setItem(key, raw)
    const e = new Event('storage')
    Object.defineProperties(e, { key: { value: key }, storageArea: { value: storage } })
    win.dispatchEvent(e)
  }

  it("its write is taken, so this window's next change builds on it instead of losing it", () => {
    const key = freshKey()
    const store = persisted.persisted(key, schema, empty)
    store.set({ version: 1, items: [{ name: '甲' }] })
    // The other tab read 甲 at load and added 乙.
    otherWindowWrites(key, '{"version":1,"items":[{"name":"甲"},{"name":"乙"}]}')
    expect(store.get().items.map((i) => i.name)).toEqual(['甲', '乙'])
    store.set({ ...store.get(), items: [...store.get().items, { name: '丙' }] })
    expect(JSON.parse(storage.getItem(key)!).items.map((i: { name: string }) => i.name)).toEqual([
      '甲',
      '乙',
      '丙',
    ])
  })

  it('a write to another key, or an unreadable one, changes nothing here but what it must', () => {
    const key = freshKey()
    const store = persisted.persisted(key, schema, empty)
    store.set({ version: 1, items: [{ name: '甲' }] })
    otherWindowWrites(freshKey(), '{"version":1,"items":[]}')
    expect(store.get().items).toEqual([{ name: '甲' }])
    // A corrupt value from elsewhere is handled like one found at load: reset and reported.
    otherWindowWrites(key, '{"version":1,')
    expect(store.get()).toEqual(empty())
    expect(lastProblem(key)).toMatchObject({ store: key, backupKey: `${key}.corrupt` })
    // Cleared storage (key null) is the default again.
    store.set({ version: 1, items: [{ name: '丁' }] })
    storage.clear()
    otherWindowWrites(null)
    expect(store.get()).toEqual(empty())
  })
})

/** The last problem reported for `key`: what StoreNotice shows. */
function lastProblem(key: string) {
  return persisted
    .storeProblems()
    .filter((p) => p.store === key)
    .at(-1)
}
