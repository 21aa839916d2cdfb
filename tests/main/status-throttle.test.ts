import { describe, expect, it } from 'vitest'
import type { IndexStatus } from '../../src/shared/types'
import { throttleStatus } from '../../src/main/status-throttle'

const building = (progress: number): IndexStatus => ({
  state: 'building',
  progress,
  articles: 0,
  issues: 5,
})

describe('throttleStatus', () => {
  it('passes a few updates a second, and always the first, the last and every change of state', () => {
    let t = 0
    const sent: IndexStatus[] = []
    const push = throttleStatus(
      (s) => sent.push(s),
      100,
      () => t,
    )
    for (let i = 0; i < 1000; i++) {
      t = i
      push(building(i / 1000))
    }
    push(building(1))
    push({ state: 'ready', progress: 1, articles: 120, issues: 5 })
    expect(sent.length).toBeLessThan(15)
    expect(sent[0]?.progress).toBe(0)
    expect(sent.at(-2)?.progress).toBe(1)
    expect(sent.at(-1)?.state).toBe('ready')
  })
})
