// The stable codes of the error policy (errors.ts), in their own module so that the catalogue
// (error-messages.ts) and the error classes can both name them without importing each other.
export const ERROR_CODES = [
  /** The caller asked for something malformed (a bad id, an unknown flag or parameter). */
  'invalid-arguments',
  /** No such issue, page or article. */
  'not-found',
  /** A query the parser refuses (nothing to find: only exclusions, an unclosed quote). */
  'query-syntax',
  /** A query that would cost more than one request may. */
  'query-too-broad',
  /** The server's search queue is full; try again in a moment. */
  'busy',
  /** Another change to the archive holds its lock. */
  'archive-busy',
  /** A file of the archive or of an import is missing, damaged or not allowed. */
  'bad-data',
  /** The librarian cancelled (an import). */
  'cancelled',
  /** Refused as asked (an import that is out of date, not confirmed, or already running). */
  'refused',
  /** The caller may not do this at all (a frame that is not the app). */
  'forbidden',
  /** The archive could not be opened. */
  'unavailable',
  /** A bug or an unexpected failure: its details stay in the log. */
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

const CODES: ReadonlySet<string> = new Set(ERROR_CODES)

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value)
}
