// The error of an archive folder that cannot be used as asked (a missing or damaged file, a
// refused name, a busy lock). Its own module so that the lowest layers (safe-path.ts) can throw
// it without importing the catalog reader.
import type { ErrorCode } from '../shared/error-codes'
import { UserFacingError } from '../shared/errors'

export class ArchiveError extends UserFacingError {
  override name = 'ArchiveError'
  readonly errorCode: ErrorCode = 'bad-data'
}
