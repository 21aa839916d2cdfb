// An answer checked against its verb's declared result (archiveContract's `returns`, the schemas
// of result-schemas.ts) where a client receives it over HTTP or IPC (renderer/app/api.ts).
import type { z } from 'zod'
import { archiveContract } from './contract'
import type { ArchiveMethod, VerbResult } from './contract'
import { RemoteError } from './errors'
import { describeZodError } from './zod-problems'

/**
 * `value` when it is what `method` declares it returns; otherwise a RemoteError (`internal`)
 * naming the verb and the first field that differs. The value is given back as it came (zod's
 * copy would drop fields a newer server added).
 */
export function parseResult<M extends ArchiveMethod>(method: M, value: unknown): VerbResult<M> {
  const schema: z.ZodType<unknown> = archiveContract[method].returns
  const result = schema.safeParse(value)
  if (!result.success)
    throw new RemoteError(
      'internal',
      'InvalidAnswerError',
      `the answer to ${method} is not what the contract declares: ${describeZodError(result.error, { top: 'answer' })}`,
    )
  return value as VerbResult<M>
}
