import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/security-policy'
import { ROOT } from '../helpers'

describe('the CSP meta tag of the renderer page', () => {
  // file:// pages get no response headers, so in the built app this tag is the policy.
  it('is the same policy main applies to the dev server', () => {
    const html = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(contentSecurityPolicy())
  })
})
