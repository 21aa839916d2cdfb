// `npm run bench:curve`: the search benchmark at 1/8, 1/4, 1/2 and the full corpus, one after
// the other (each a whole `npm run bench` with the options given here), so that the last run's
// results.json carries the growth curve of issue 16 (`scale`) measured with one engine.
// Options are passed on; `--scales 0.125,0.5` picks the scales.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const argv = process.argv.slice(2)
const at = argv.indexOf('--scales')
const scales = at >= 0 ? (argv[at + 1] ?? '').split(',').map(Number) : [0.125, 0.25, 0.5, 1]
const passed = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv
if (scales.some((s) => !(s > 0 && s <= 1))) {
  process.stderr.write('bench:curve: --scales takes fractions in (0, 1], e.g. 0.125,0.5\n')
  process.exit(2)
}
for (const scale of scales) {
  process.stderr.write(`\n=== bench at --scale ${scale} ===\n`)
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      join(import.meta.dirname, 'run.ts'),
      '--scale',
      String(scale),
      ...passed,
    ],
    { stdio: 'inherit' },
  )
  if (r.status !== 0) process.exit(r.status ?? 1)
}
