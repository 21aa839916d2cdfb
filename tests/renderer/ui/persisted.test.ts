// Versioned localStorage stores (bookmarks, settings) that cannot be read are detected (JSON and
// the zod schema, version included), reset with a reported problem for the UI's notice, and the
// unreadable text is kept aside — a second bad copy beside the first, never over it. The e2e
// bookmarks spec shows the notice in the app.
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

/** The last problem reported for `key`: what StoreNotice shows. */
function lastProblem(key: string) {
  return persisted
    .storeProblems()
    .filter((p) => p.store === key)
    .at(-1)
}
