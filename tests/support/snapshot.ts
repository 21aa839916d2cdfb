// Every file of a folder (hidden ones too) as base64, to prove that a refused or interrupted
// change left an archive byte-identical.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function snapshot(
  dir: string,
  skip: (name: string) => boolean = () => false,
): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => !skip(n))
      .sort()
      .map((n) => [n, readFileSync(join(dir, n)).toString('base64')]),
  )
}
