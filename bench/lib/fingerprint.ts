// A hash of the engine's sources, taken at the start and the end of a bench run, so that a run
// during which the engine changed says so.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function engineFingerprint(): string {
  const h = createHash('sha256')
  const src = join(import.meta.dirname, '..', '..', 'src')
  for (const dir of ['shared/search', 'shared/text', 'shared/archive', 'node']) {
    const abs = join(src, dir)
    for (const f of readdirSync(abs).sort())
      if (f.endsWith('.ts')) h.update(readFileSync(join(abs, f)))
  }
  return h.digest('hex').slice(0, 12)
}
