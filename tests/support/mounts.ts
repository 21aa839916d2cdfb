// Real disk faults for tests: a size-limited tmpfs (a disk that fills up) and a read-only bind
// mount (a folder on a read-only disk). Root ignores permission bits, so chmod cannot make a
// read-only folder for root; a mount can. Both need mount privileges (root with CAP_SYS_ADMIN):
// `mountSupport()` says whether they are available, and why not when they are not, so tests can
// skip with the reason (tests/faults/disk-injected.test.ts covers the same faults everywhere
// with an injected fs).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let support: { ok: true } | { ok: false; why: string } | undefined

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: 'pipe' })
}

/** Whether tmpfs and read-only bind mounts can be made here. */
export function mountSupport(): { ok: true } | { ok: false; why: string } {
  if (support) return support
  if (process.platform !== 'linux') return (support = { ok: false, why: 'not Linux' })
  const probe = mkdtempSync(join(tmpdir(), 'mount-probe-'))
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])
    run('umount', [probe])
    support = { ok: true }
  } catch (e) {
    const msg = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim()
    support = { ok: false, why: `cannot mount here (${msg || 'no privileges'}); needs root` }
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
  return support
}

export interface Mount {
  dir: string
  /** Unmounts and removes the mount point. */
  cleanup: () => void
}

/** A tmpfs of `bytes` (rounded up to pages by the kernel): a disk that can be filled. */
export function smallDisk(bytes: number): Mount {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'))
  run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir])
  return {
    dir,
    cleanup: () => {
      // Lazily: an index a test left open keeps its segment files open (their postings are
      // read on demand), and the mount goes once they are closed or collected.
      run('umount', ['-l', dir])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** `source` seen through a read-only bind mount: every write below it fails with EROFS. */
export function readOnlyView(source: string): Mount {
  const dir = mkdtempSync(join(tmpdir(), 'read-only-'))
  run('mount', ['--bind', source, dir])
  try {
    run('mount', ['-o', 'remount,ro,bind', dir])
  } catch (e) {
    run('umount', [dir])
    throw e
  }
  return {
    dir,
    cleanup: () => {
      // Lazily: an index a test left open keeps its segment files open (their postings are
      // read on demand), and the mount goes once they are closed or collected.
      run('umount', ['-l', dir])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
