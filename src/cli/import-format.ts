// The batch import's validation report for a terminal: issue by issue, each new page with its
// file, encoding, line endings, articles, continuation markers and where its metadata came from,
// then every error and warning, naming the file.
import type {
  FileReport,
  ImportProgress,
  ImportReport,
  MetaField,
  PageProblem,
} from '../shared/archive/import-report'

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`
}

function field(name: string, f: MetaField<unknown> | undefined, option: string): string {
  if (!f) return `${name} ?`
  const from =
    f.source === 'option'
      ? option
      : f.source === 'text'
        ? `READ FROM THE TEXT: ${f.evidence}`
        : f.source === 'order'
          ? 'file order'
          : f.source === 'filename'
            ? 'file name'
            : f.source
  return `${name} ${String(f.value)} (${from})`
}

function problemLines(problems: PageProblem[], indent: string): string[] {
  return problems.map((p) => `${indent}${p.level.padEnd(7)} ${p.code}: ${p.message}`)
}

function fileLines(f: FileReport, indent: string): string[] {
  const bits = [
    f.encoding
      ? `${f.declaredAs ?? f.encoding}${f.encodingSource === 'declared' ? ' (declared)' : ''}`
      : 'encoding ?',
    f.lineEndings ? f.lineEndings.toUpperCase() : 'line endings ?',
  ]
  if (f.bom) bits.push('BOM')
  bits.push(kb(f.bytes), `${f.articles} article${f.articles === 1 ? '' : 's'}`)
  if (f.continuations.length)
    bits.push(
      'markers ' +
        f.continuations
          .map((c) => `${c.marker}→p${c.targetPage}${c.targetExists ? ' ✓' : ' (missing)'}`)
          .join(' '),
    )
  return [
    `${indent}${bits.join(' · ')}`,
    `${indent}${[field('paper', f.paper, '--paper'), field('date', f.date, '--date')].join(' · ')}`,
    ...problemLines(f.problems, indent),
  ]
}

/** Above this many files, only files with errors or warnings are shown in detail. */
export const DETAIL_LIMIT = 50

export function formatImportReport(r: ImportReport, verbose = false): string {
  const detailed = (f: FileReport): boolean =>
    verbose ||
    r.files.length <= DETAIL_LIMIT ||
    f.problems.some((p) => p.level !== 'info') ||
    f.paper?.source === 'text' ||
    f.date?.source === 'text' ||
    f.page?.source === 'text'

  const out: string[] = [
    `${r.dryRun ? 'Dry run: checked' : 'Checked'} ${r.summary.files} file(s), ${kb(r.summary.bytes)}, for ${r.archive}`,
  ]
  const placed = new Set<string>()
  for (const issue of r.issues) {
    out.push(
      '',
      `${issue.id}  ${issue.paperName} ${issue.date}  ${issue.kind === 'new' ? 'new issue' : 'adds to an existing issue'} · pages ${issue.pages.join(', ') || '—'}`,
    )
    out.push(...problemLines(issue.problems, '  '))
    for (const p of issue.newPages) {
      const f = r.files.find((x) => x.file === p.file)
      if (!f) continue
      placed.add(f.file)
      out.push(`  p${p.number} ← ${f.file}`)
      if (!detailed(f)) continue
      if (f.page && f.page.source !== 'order') out.push(`      ${field('page', f.page, '--page')}`)
      out.push(...fileLines(f, '      '))
    }
  }
  const unplaced = r.files.filter((f) => !placed.has(f.file))
  if (unplaced.length) {
    out.push('', 'Not placed in an issue:')
    for (const f of unplaced) out.push(`  ${f.file}`, ...fileLines(f, '      '))
  }
  const batch = r.problems.filter((p) => p.level !== 'info' || p.code !== 'skipped')
  const skipped = r.problems.filter((p) => p.code === 'skipped')
  if (batch.length || skipped.length) {
    out.push('', 'Batch:')
    out.push(...problemLines(batch, '  '))
    if (skipped.length)
      out.push(
        `  info    skipped: ${skipped.length} file(s) that are not .txt pages, e.g. ${skipped[0]?.message}`,
      )
  }
  const s = r.summary
  out.push(
    '',
    `${s.files} file(s), ${s.issues} issue(s) (${s.newIssues} new), ${s.pages} page(s): ${s.errors} error(s), ${s.warnings} warning(s).`,
  )
  if (!verbose && r.files.length > DETAIL_LIMIT)
    out.push(
      '(Files without problems are listed without details; --verbose shows all, --json everything.)',
    )
  return out.join('\n')
}

const PHASES: Record<ImportProgress['phase'], string> = {
  scan: 'Finding files',
  'index-base': 'Loading the archive’s index',
  validate: 'Checking',
  copy: 'Importing',
  index: 'Writing the index',
  commit: 'Committing',
  done: 'Done',
}

/**
 * Progress on stderr: one rewritten line on a terminal; otherwise a line per phase and about
 * every tenth of the way, so a log file stays readable.
 */
export function progressPrinter(
  write: (s: string) => void,
  tty: boolean,
): (p: ImportProgress) => void {
  let phase = ''
  let lastTenth = -1
  let lastTime = 0
  return (p) => {
    const now = Date.now()
    const label = PHASES[p.phase]
    const counted = p.total > 1 ? ` ${p.done}/${p.total}` : ''
    if (tty) {
      if (p.phase === phase && now - lastTime < 100 && p.done < p.total) return
      lastTime = now
      write(`\r\x1b[K${label}${counted}${p.file ? ` ${p.file}` : ''}`)
      if (p.phase === 'done') write('\n')
      phase = p.phase
      return
    }
    // A fraction (total 1) is only worth a line when its phase starts.
    const tenth = p.total > 1 ? Math.floor((10 * p.done) / p.total) : 0
    if (p.phase === phase && tenth === lastTenth) return
    phase = p.phase
    lastTenth = tenth
    write(`${label}${counted}\n`)
  }
}
