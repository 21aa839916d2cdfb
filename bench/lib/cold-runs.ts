// The cold measurements of `npm run bench`: the empty runtime, the index (open + one search) and
// the scan (read + decode + indexOf over the same articles), each a fresh process timed by the
// parent from spawn() to the child's answer, with the OS page cache dropped before each run
// where the machine allows it. All three run bundled with plain Node, as the shipped CLI does.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { runChild } from './child'
import type { ChildRun } from './child'
import type { ColdIndexResult, ColdScanResult, NoopResult } from './results'
import { fmtMs } from './stats'

export interface ColdRuns {
  cold: { noop: number[]; index: number[]; scan: number[] }
  coldChild: { index: ColdIndexResult[]; scan: ColdScanResult[]; noop: NoopResult[] }
  /** Runs before which the page cache was dropped. */
  dropped: number
  dropOk: boolean
  dropError?: string
}

export async function coldRuns(
  files: { archiveDir: string; scanText: string; query: string },
  options: { coldRuns: number; dropCaches: boolean },
  log: (m: string) => void,
): Promise<ColdRuns> {
  let dropError: string | undefined
  const dropCaches = (): boolean => {
    if (!options.dropCaches) return false
    try {
      execFileSync('sync')
      writeFileSync('/proc/sys/vm/drop_caches', '3')
      return true
    } catch (e) {
      dropError = (e as NodeJS.ErrnoException).code ?? (e as Error).message
      return false
    }
  }
  const cold: ColdRuns['cold'] = { noop: [], index: [], scan: [] }
  const coldChild: ColdRuns['coldChild'] = { index: [], scan: [], noop: [] }
  let dropped = 0
  for (let run = 0; run < options.coldRuns; run++) {
    for (const kind of ['noop', 'index', 'scan'] as const) {
      if (dropCaches()) dropped++
      let r: ChildRun<NoopResult | ColdIndexResult | ColdScanResult>
      // Bundled, as the shipped CLI runs: plain Node, one module (bundle.ts).
      const how = { bundled: true }
      if (kind === 'noop') r = await runChild<NoopResult>('noop.ts', [], how)
      else if (kind === 'index')
        r = await runChild<ColdIndexResult>('cold-index.ts', [files.archiveDir, files.query], how)
      else r = await runChild<ColdScanResult>('cold-scan.ts', [files.scanText, files.query], how)
      cold[kind].push(r.answeredMs as number)
      ;(coldChild[kind] as unknown[]).push(r.result)
      log(`  cold ${kind} run ${run + 1}: ${fmtMs(r.answeredMs as number)}`)
    }
  }
  return {
    cold,
    coldChild,
    dropped,
    dropOk: dropped === options.coldRuns * 3,
    ...(dropError === undefined ? {} : { dropError }),
  }
}
