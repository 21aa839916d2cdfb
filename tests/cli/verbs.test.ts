// The CLI's reading commands are derived from the contract (src/cli/verbs.ts): every verb with a
// `cli` declaration is a command whose --json output is exactly the verb's answer, and a verb
// added to a contract is a command with --json without a line of CLI code.
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseCli } from '../../src/cli/args'
import { USAGE } from '../../src/cli/usage'
import { runVerb, verbOfCommand, verbUsage } from '../../src/cli/verbs'
import { ArchiveService } from '../../src/node/archive-service'
import {
  ARCHIVE_METHODS,
  archiveContract,
  InvalidArgumentsError,
  returns,
} from '../../src/shared/contract'
import type { ArchiveMethod, VerbDeclaration } from '../../src/shared/contract'
import { exitCodeOf, toPublicError } from '../../src/shared/errors'
import { tempArchive } from '../helpers'
import { runCli } from '../support/cli'
import type { CliRun } from '../support/cli'

const archive = tempArchive()
afterAll(() => archive.cleanup())

const cli = (...args: string[]): CliRun => runCli(archive.dir, args)

/** Words for each verb's command, and the arguments they stand for. */
const SAMPLES: Record<ArchiveMethod, { words: string[]; args: unknown[] }> = {
  listIssues: { words: [], args: [] },
  getIssue: { words: ['jiangbei-2023-07-13'], args: ['jiangbei-2023-07-13'] },
  getArticle: { words: ['jiangbei-2023-07-13/p1/a1'], args: ['jiangbei-2023-07-13/p1/a1'] },
  getPageSource: { words: ['jiangbei-2023-07-13', '2'], args: ['jiangbei-2023-07-13', 2] },
  search: { words: ['绿色', '低碳'], args: [{ q: '绿色 低碳' }] },
  articleMatches: {
    words: ['jiangbei-2023-07-13/p1/a1', '发展', '改革'],
    args: ['jiangbei-2023-07-13/p1/a1', '发展 改革'],
  },
  indexStatus: { words: [], args: [] },
  suggest: { words: ['低'], args: ['低'] },
  quickOpen: { words: ['江北报', '7月13日'], args: ['江北报 7月13日'] },
  didYouMean: { words: ['低炭'], args: [{ q: '低炭' }] },
}

/** tookMs differs between two runs of one search. */
const stable = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v), (k, x) => (k === 'tookMs' ? 0 : x))

describe('every contract verb is a CLI command', () => {
  const service = ArchiveService.open({ archiveDir: archive.dir })

  it.each(ARCHIVE_METHODS)('%s: --json prints the verb’s answer', (method) => {
    const d: VerbDeclaration = archiveContract[method]
    expect(d.cli, `${method} has no cli declaration`).toBeDefined()
    const { words, args } = SAMPLES[method]
    const r = cli('--json', d.cli!.command, ...words)
    expect(r.code, r.err).toBe(0)
    const fn = (service as unknown as Record<string, (...a: unknown[]) => unknown>)[
      `${method}Sync`
    ]!
    expect(stable(JSON.parse(r.out))).toEqual(stable(fn.apply(service, args)))
    expect(USAGE).toContain(`  ${d.cli!.command}`)
  })

  it('a wrong argument is judged by the verb’s schema and exits 2, as over IPC and HTTP', () => {
    const r = cli('source', 'jiangbei-2023-07-13', 'two')
    expect(r).toMatchObject({ code: 2, out: '' })
    expect(r.err).toMatch(/invalid arguments for getPageSource: 1: .*expected number/)
    expect(cli('article', 'no/such')).toMatchObject({ code: 2 })
    expect(cli('article', 'jiangbei-2023-07-13/p9/a1')).toMatchObject({ code: 1 })
    expect(cli('status', 'extra').err).toMatch(/status takes 0 argument\(s\)/)
  })
})

describe('a verb added to a contract', () => {
  // A contract with one more verb, and a service that answers it: nothing else is written.
  const contract = {
    ...archiveContract,
    echo: {
      channel: 'archive:echo',
      args: z.tuple([z.string().max(5), z.number().int()]),
      returns: returns<{ said: string; times: number }>(),
      cli: {
        command: 'echo',
        args: [
          { from: 'word', name: 'WORD' },
          { from: 'word', name: 'N', number: true },
        ],
        about: 'says WORD N times',
      },
    },
  } as const satisfies Record<string, VerbDeclaration>
  const service = { echoSync: (said: string, times: number) => ({ said, times }) }

  function echo(...argv: string[]): { code: number; out: string } {
    const opts = parseCli(['--json', ...argv])
    const method = verbOfCommand(contract, opts.command)!
    let out = ''
    const code = runVerb(
      contract,
      method,
      () => service,
      opts,
      (s) => (out += s),
    )
    return { code, out }
  }

  it('is a command with --json, and a usage line', () => {
    expect(verbOfCommand(contract, 'echo')).toBe('echo')
    expect(JSON.parse(echo('echo', 'hi', '3').out)).toEqual({ said: 'hi', times: 3 })
    expect(verbUsage(contract)).toMatch(/^ {2}echo WORD N +says WORD N times$/m)
  })

  it('has its arguments judged by its schema, its error reduced by the policy', () => {
    let error: unknown
    try {
      echo('echo', 'too long', '3')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidArgumentsError)
    const p = toPublicError(error)
    expect(p).toMatchObject({ code: 'invalid-arguments' })
    expect(p.message).toMatch(/invalid arguments for echo: 0: /)
    expect(exitCodeOf(p.code)).toBe(2)
    expect(() => echo('echo', 'hi')).toThrow(/echo needs N/)
  })
})
