// Fail points for the crash tests: `ARCHIVE_READER_CRASH_AT=name` (or `name:N`, the N-th time
// the point is reached) kills this process with SIGKILL right there, as a power cut would. With
// the variable unset this is one lookup per call.
const spec = process.env.ARCHIVE_READER_CRASH_AT
const hits = new Map<string, number>()

export function crashPoint(name: string): void {
  if (!spec) return
  const [want, nth = '1'] = spec.split(':')
  if (want !== name) return
  const n = (hits.get(name) ?? 0) + 1
  hits.set(name, n)
  if (n === Number(nth)) process.kill(process.pid, 'SIGKILL')
}
