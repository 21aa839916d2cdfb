// Which files a batch import reads: the files given, and the page files found in the folders
// given (recursively, in natural order: p2 before p10). Metadata files are picked up, not
// imported; other files are reported as skipped.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { MANIFEST_FILE, SIDECAR_SUFFIX } from './manifest'

export interface InputFile {
  /** Absolute path. */
  path: string
  /** As the report shows it: relative to the folder given, or as given. */
  display: string
  /**
   * Named on the command line (or picked) itself: the person chose it, so a link is followed.
   * Files found in a folder or listed by a manifest are data, read only as regular files
   * (src/node/safe-path.ts).
   */
  follow: boolean
}

export interface ExpandedInputs {
  files: InputFile[]
  /** Folders whose manifest.json applies (every folder a file came from). */
  folders: string[]
  /** Folders given (or found inside one given): their manifest may add files not found. */
  walked: Set<string>
  skipped: string[]
  missing: string[]
}

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

function isPageFile(name: string): boolean {
  return /\.txt$/i.test(name)
}

function walk(root: string, dir: string, out: ExpandedInputs): void {
  out.walked.add(dir)
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    natural.compare(a.name, b.name),
  )
  for (const e of entries) {
    if (e.name.startsWith('.')) continue
    const path = join(dir, e.name)
    if (e.isDirectory()) walk(root, path, out)
    else if (e.name === MANIFEST_FILE || e.name.endsWith(SIDECAR_SUFFIX)) continue
    else if (e.isFile() && isPageFile(e.name))
      out.files.push({ path, display: relative(root, path) || e.name, follow: false })
    else out.skipped.push(relative(root, path))
  }
}

export function expandInputs(inputs: readonly string[]): ExpandedInputs {
  const out: ExpandedInputs = {
    files: [],
    folders: [],
    walked: new Set(),
    skipped: [],
    missing: [],
  }
  for (const given of inputs) {
    const path = resolve(given)
    if (!existsSync(path)) {
      out.missing.push(given)
      continue
    }
    if (statSync(path).isDirectory()) {
      const before = out.files.length
      walk(path, path, out)
      // Show files of a folder argument relative to the folder's parent, so two folders with
      // the same file names stay apart in the report.
      const label = given.replace(/[\\/]+$/, '')
      for (const f of out.files.slice(before)) f.display = join(label, f.display)
    } else out.files.push({ path, display: given, follow: true })
  }
  // The same file given twice (a folder and a file in it) is one page, not a duplicate.
  const seen = new Set<string>()
  out.files = out.files.filter((f) => {
    const real = realpathSync(f.path)
    if (seen.has(real)) return false
    seen.add(real)
    return true
  })
  out.folders = [...new Set(out.files.map((f) => resolve(f.path, '..')))]
  return out
}
