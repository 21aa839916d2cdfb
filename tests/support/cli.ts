// The librarian's CLI run in-process on an archive folder, its output captured: what the CLI
// tests of every command use.
import { run } from '../../src/cli/main'
import type { Io } from '../../src/cli/librarian'

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
