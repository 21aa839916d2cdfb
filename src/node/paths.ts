// Where the bundled archive lives when nothing else is said: the `seeds/` folder of the project
// (found from this module upward, so it works from src/ under tsx and from out/ when built).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function bundledArchiveDir(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    const candidate = join(dir, 'seeds')
    if (existsSync(join(candidate, 'catalog.json'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) return join(from, 'seeds')
    dir = parent
  }
}
