// Every file of a folder (hidden ones too) as base64, to prove that a refused or interrupted
// change left an archive byte-identical. A subfolder (the index's segments) is listed as
// `folder/name` entries.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export function snapshot(
  dir: string,
  skip: (name: string) => boolean = () => false,
): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => !skip(n))
      .sort()
      .flatMap((n): [string, string][] =>
        statSync(join(dir, n)).isDirectory()
          ? Object.entries(snapshot(join(dir, n))).map(([k, v]) => [`${n}/${k}`, v])
          : [[n, readFileSync(join(dir, n)).toString('base64')]],
      ),
  )
}
