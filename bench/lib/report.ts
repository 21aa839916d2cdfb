// The printed table: one row per figure, with its target and PASS/FAIL where the issue sets one.

export type Row =
  | { section: string; label?: undefined; value?: undefined; target?: undefined; pass?: undefined }
  | { section?: undefined; label: string; value: string; target?: string; pass?: boolean }

function width(s: string): number {
  // East Asian characters take two columns in a terminal.
  let w = 0
  for (const c of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        c,
      )
        ? 2
        : 1
  return w
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)))
}

export function formatTable(rows: readonly Row[]): string {
  const body = rows.filter((r) => !r.section)
  const lw = Math.max(...body.map((r) => width(r.label ?? '')))
  const vw = Math.min(60, Math.max(...body.map((r) => width(r.value ?? ''))))
  const tw = Math.max(6, ...body.map((r) => width(r.target ?? '')))
  const lines: string[] = []
  for (const r of rows) {
    if (r.section) {
      lines.push('', r.section)
      continue
    }
    const status = r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL'
    lines.push(
      `  ${pad(r.label ?? '', lw)}  ${pad(r.value ?? '', vw)}  ${pad(r.target ?? '', tw)}  ${status}`.trimEnd(),
    )
  }
  return lines.join('\n')
}
