// The corrections routes of the reading room (shared/corrections-http.ts). The reading room is
// read-only: it answers that editing is off, and refuses every change with 403. Only a server
// started with `editable` (tests and development: `npm run serve -- --editable`, on a copy of an
// archive) serves the archive folder as a writable library, whose edits go through the
// archive's own transaction like the CLI's.
import { parseCorrectionsArguments } from '../shared/corrections-contract'
import type { CorrectionsApi } from '../shared/corrections-contract'
import { resolveCorrectionsCall } from '../shared/corrections-http'
import { toPublicError } from '../shared/errors'
import type { ApiAnswer, AnswerOptions } from './api'
import { errorAnswer } from './api'

export const READ_ONLY_REASON =
  'this reading room is read-only: corrections are sent to the librarians as a correction request'

export async function answerCorrections(
  editor: CorrectionsApi | undefined,
  httpMethod: string,
  rawPath: string,
  body: string,
  options: AnswerOptions = {},
): Promise<ApiAnswer | undefined> {
  const call = resolveCorrectionsCall(httpMethod === 'HEAD' ? 'GET' : httpMethod, rawPath, body)
  if (!call) return undefined
  try {
    const args = parseCorrectionsArguments(call.method, call.args)
    if (!editor) {
      if (call.method === 'editTarget')
        return { status: 200, body: { editable: false, reason: READ_ONLY_REASON } }
      return errorAnswer({
        code: 'forbidden',
        name: 'EditingOffError',
        message: `editing is off: ${READ_ONLY_REASON}`,
      })
    }
    const fn = editor[call.method] as (...a: unknown[]) => Promise<unknown>
    return { status: 200, body: await fn.apply(editor, args) }
  } catch (e) {
    const error = toPublicError(e, { hiddenRoots: options.hiddenRoots ?? [] })
    if (error.code === 'internal')
      options.log?.(`${call.method} failed: ${(e as Error)?.stack ?? String(e)}`)
    return errorAnswer(error)
  }
}
