// A writer for tests/faults/lock.test.ts, run as its own process: for each round it plans an
// import of its batch into that round's archive, waits at a barrier until the other writer has
// planned too, then commits at the same moment. It prints one JSON line per round: landed,
// refused busy, or refused because the archive changed since it was planned.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'

const [work, me, other, batch, roundsArg, paperName] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
]
const rounds = Number(roundsArg)
const wait = new Int32Array(new SharedArrayBuffer(4))

function barrier(round: number): void {
  writeFileSync(join(work, `ready-${round}-${me}`), '')
  const theirs = join(work, `ready-${round}-${other}`)
  const deadline = Date.now() + 60_000
  while (!existsSync(theirs)) {
    if (Date.now() > deadline) throw new Error(`round ${round}: the other writer never came`)
    Atomics.wait(wait, 0, 0, 1)
  }
}

for (let round = 0; round < rounds; round++) {
  const archiveDir = join(work, `archive-${round}`)
  let outcome: string
  let message = ''
  try {
    const plan = planImport({ archiveDir, inputs: [batch], paperName, today: '2026-11-21' })
    barrier(round)
    commitImport(plan)
    outcome = 'landed'
  } catch (e) {
    message = (e as Error).message
    outcome = /archive busy/.test(message)
      ? 'busy'
      : /changed since the batch was checked/.test(message)
        ? 'changed'
        : 'other'
  }
  process.stdout.write(JSON.stringify({ round, writer: me, outcome, message }) + '\n')
}
