// The librarian's CLI run in-process on an archive folder, its output captured: what the CLI
// tests of every command use, and the scratch archive they run on.
import { onTestFinished } from 'vitest'
import { run } from '../../src/cli/main'
import { ArchiveService } from '../../src/node/archive-service'
import type { Io } from '../../src/cli/librarian'
import { tempArchive, tempDir } from '../helpers'

export interface CliRun {
  code: number
  out: string
  err: string
}

/** `archive-reader --archive DIR ARGS…`, non-interactive. */
export function runCli(dir: string, args: string[]): CliRun {
  let out = ''
  let err = ''
  const io: Io = {
    out: (s) => (out += s + '\n'),
    err: (s) => (err += s + '\n'),
    interactive: false,
  }
  const code = run(['--archive', dir, ...args], io.out, io.err, io)
  return { code, out, err }
}

/**
 * A scratch copy of the seed archive and an empty work folder, both removed when the test ends.
 * `indexed`: open it once, so that its index exists before the test changes anything.
 */
export function scratchArchive(opts: { indexed?: boolean } = {}): { dir: string; work: string } {
  const a = tempArchive()
  const w = tempDir()
  onTestFinished(() => {
    a.cleanup()
    w.cleanup()
  })
  if (opts.indexed) ArchiveService.open({ archiveDir: a.dir })
  return { dir: a.dir, work: w.dir }
}
